// Placeholder: replaced by the real test collector.
export function collectorMiddleware() { return async (ctx, next) => next(); }
