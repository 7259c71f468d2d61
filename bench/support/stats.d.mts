// Types of stats.mjs for the TypeScript benchmarks (bench/dashboard-queries.ts).
export declare function median(values: ReadonlyArray<number | undefined>): number | undefined;
export declare function percentile(sorted: readonly number[], p: number): number | undefined;
export declare function ms(value: number | undefined): number | '—';
export declare function round(value: number, digits: number): number;
export declare function kb(bytes: number): string;
