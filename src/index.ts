/**
 * asl2durable's programmatic API. Pure functions: no I/O, no console output, no process.exit, and the
 * caller's objects are never mutated.
 */
export { validate, validateSource, type ValidationResult, type ValidateOptions } from "./validate/index.js";
export { loadText, loadObject } from "./load/index.js";
export type { LoadedSource, NodeRange, SourceFormat } from "./load/types.js";
export type { Diagnostic, Location, Position, Severity } from "./diagnostics/types.js";
export { CATALOG, catalogEntry, type CatalogEntry } from "./diagnostics/catalog.js";
export { formatDiagnostic, formatSummary, summarize } from "./diagnostics/format.js";
export { transpile, type TranspileOptions, type TranspileResult } from "./transpile.js";
export type { MachineIR, StateIR, ScopeIR } from "./ir/types.js";
