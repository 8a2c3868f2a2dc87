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
export { compare, CompareBuildError, type CompareOptions, type CompareRun } from "./compare/compare.js";
export type { CompareResult, RunComparison, Outcome, HistoryEvent, DurableOperation, RunMetrics, CostEstimate, Difference } from "./compare/types.js";
export { parseHistories, parseHistoriesText, replayMocks, type RecordedExecution } from "./compare/history.js";
export { estimateCost, formatCostTable } from "./compare/cost.js";
export { DEFAULT_PRICES, loadPriceTable, type PriceTable } from "./compare/prices.js";
export { interpret, type Interpretation, type InterpretOptions } from "./interpret/interpreter.js";
export { renderHtml, renderMarkdown } from "./report/index.js";
export { transpileSource } from "./transpile.js";
export { findMachines, selectMachine, type FoundMachine } from "./load/machines/index.js";
export { build, watchBuild, defineConfig, BuildInputError, type BuildConfig, type BuildResult, type LoadMachines } from "./build/index.js";
