// Test processes keep Powertools quiet and offline: no EMF lines, no X-Ray, logs only when asked.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
