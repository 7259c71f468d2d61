// Types for postgres.mjs, which TypeScript benchmarks (bench/dashboard-queries.ts) import.
export declare const postgresAdminUrl: string;
export declare function createThrowawayDatabase(name: string): Promise<{ url: string; drop(options?: { keep?: boolean }): Promise<void> }>;
