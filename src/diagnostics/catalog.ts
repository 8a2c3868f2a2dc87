import type { Severity } from "./types.js";

/**
 * The diagnostic catalogue: every code asl2durable can report, as data.
 * Codes are stable: never renumber or reuse one. The README's rule table is generated from this list
 * (`npm run docs:rules`), and tests assert on codes, not on prose.
 */
export type Stage = "load" | "schema" | "structure" | "fields" | "paths" | "jsonata" | "variables" | "errors" | "migration" | "transpile";

export interface CatalogEntry {
  code: string;
  severity: Severity;
  stage: Stage;
  /** Short kebab-case name, usable in configuration. */
  name: string;
  /** One-line description for the rule table. */
  doc: string;
  /** Reference section in ../shared/reference/asl-semantics.md. */
  ref?: string;
}

export const CATALOG: readonly CatalogEntry[] = [
  // ── load ───────────────────────────────────────────────────────────────────────────────────────
  { code: "ASL001", severity: "error", stage: "load", name: "json-syntax", doc: "The text is not valid JSON (or is empty)." },
  { code: "ASL002", severity: "error", stage: "load", name: "yaml-syntax", doc: "The text is not valid YAML, or holds more than one document." },
  { code: "ASL003", severity: "error", stage: "load", name: "duplicate-key", doc: "An object repeats a key; only one value could win, so the definition is ambiguous." },
  { code: "ASL004", severity: "error", stage: "load", name: "not-json", doc: "An API object holds a value JSON cannot represent (function, undefined, NaN, cycle, class instance)." },
  { code: "ASL005", severity: "error", stage: "load", name: "unreadable", doc: "The file cannot be read." },
  { code: "ASL006", severity: "error", stage: "load", name: "unresolved-substitution", doc: "A `${Name}` placeholder has no value in the substitutions file, or a substitution expands to itself." },

  // ── schema (schemas/asl.schema.json, checked with ajv) ───────────────────────────────────────────
  { code: "ASL010", severity: "error", stage: "schema", name: "missing-field", doc: "A required field is missing." },
  { code: "ASL011", severity: "error", stage: "schema", name: "unknown-field", doc: "A field is not part of this object in ASL (typos get a did-you-mean)." },
  { code: "ASL012", severity: "error", stage: "schema", name: "wrong-type", doc: "A field has the wrong JSON type." },
  { code: "ASL013", severity: "error", stage: "schema", name: "value-not-allowed", doc: "A field's value is not one of the allowed values." },
  { code: "ASL014", severity: "error", stage: "schema", name: "out-of-range", doc: "A number, array or string is outside its allowed range." },
  { code: "ASL015", severity: "error", stage: "schema", name: "bad-format", doc: "A string does not have the required format (e.g. an RFC 3339 timestamp)." },
  { code: "ASL016", severity: "error", stage: "schema", name: "unknown-state-type", doc: "A state's `Type` is missing or not one of the eight state types.", ref: "ASL-2" },

  // ── structure: names, transitions, reachability ──────────────────────────────────────────────────
  { code: "ASL101", severity: "error", stage: "structure", name: "start-at-missing", doc: "`StartAt` names no state of its scope (machine, Parallel branch or Map processor).", ref: "ASL-1" },
  { code: "ASL102", severity: "error", stage: "structure", name: "transition-target-missing", doc: "A `Next`, `Default` or `Catch[].Next` names no state at all.", ref: "ASL-1" },
  { code: "ASL103", severity: "error", stage: "structure", name: "transition-leaves-scope", doc: "A transition targets a state of another scope: no jumps into or out of Parallel branches or Map processors.", ref: "ASL-1" },
  { code: "ASL104", severity: "error", stage: "structure", name: "unreachable-state", doc: "A state cannot be reached from `StartAt` by any walk of transitions.", ref: "ASL-1" },
  { code: "ASL105", severity: "error", stage: "structure", name: "no-terminal-state", doc: "No terminal state (End, Succeed or Fail) can be reached from `StartAt`: the scope can never finish.", ref: "ASL-1" },
  { code: "ASL106", severity: "error", stage: "structure", name: "duplicate-state-name", doc: "State names must be unique across the whole machine, nested branches and processors included.", ref: "ASL-1" },
  { code: "ASL107", severity: "error", stage: "structure", name: "state-name-invalid", doc: "A state name is empty or longer than 80 characters.", ref: "ASL-1" },
  { code: "ASL108", severity: "error", stage: "structure", name: "next-or-end", doc: "A state needs exactly one of `Next` and `End` (Choice, Succeed and Fail take neither).", ref: "ASL-1" },
  { code: "ASL109", severity: "error", stage: "structure", name: "empty-states", doc: "A `States` object has no states.", ref: "ASL-1" },

  // ── fields: per-state field rules beyond the schema ─────────────────────────────────────────────
  { code: "ASL201", severity: "error", stage: "fields", name: "exclusive-fields", doc: "Fields that exclude each other are both present (e.g. `Seconds` and `SecondsPath`, `Error` and `ErrorPath`).", ref: "ASL-6" },
  { code: "ASL202", severity: "error", stage: "fields", name: "wait-duration", doc: "A Wait state needs exactly one of `Seconds`, `SecondsPath`, `Timestamp`, `TimestampPath`.", ref: "ASL-6.4" },
  { code: "ASL203", severity: "error", stage: "fields", name: "heartbeat-not-below-timeout", doc: "`HeartbeatSeconds` must be smaller than `TimeoutSeconds`.", ref: "ASL-6.2" },
  { code: "ASL204", severity: "error", stage: "fields", name: "map-processor", doc: "A Map state needs exactly one of `ItemProcessor` and `Iterator`.", ref: "ASL-6.8" },
  { code: "ASL205", severity: "error", stage: "fields", name: "distributed-only-field", doc: "`ItemReader`, `ItemBatcher`, `ResultWriter`, `Label` and `ExecutionType` need a DISTRIBUTED Map.", ref: "ASL-6.8" },
  { code: "ASL206", severity: "error", stage: "fields", name: "choice-rule-operator", doc: "A JSONPath Choice rule needs `Variable` and exactly one comparison operator, or exactly one of `And`/`Or`/`Not`.", ref: "ASL-6.3" },
  { code: "ASL207", severity: "error", stage: "fields", name: "choice-rule-shape", doc: "A JSONata Choice rule has no `Condition` (JSONPath rule shapes are schema checks).", ref: "ASL-6.3" },
  { code: "ASL208", severity: "error", stage: "fields", name: "string-matches-pattern", doc: "A `StringMatches` pattern ends in an open escape.", ref: "ASL-6.3" },
  { code: "ASL209", severity: "error", stage: "fields", name: "resource-arn", doc: "A Task `Resource` is not a Lambda, activity or Step Functions integration ARN (placeholders `${…}` and CloudFormation intrinsics are accepted).", ref: "ASL-6.2" },
  { code: "ASL210", severity: "error", stage: "fields", name: "unknown-integration", doc: "`arn:aws:states:::<service>:<action>` names no optimised integration or integration pattern Step Functions offers.", ref: "ASL-6.2" },
  { code: "ASL211", severity: "error", stage: "fields", name: "express-pattern", doc: "EXPRESS state machines do not support `.sync` or `.waitForTaskToken` integrations (checked with `--type EXPRESS`).", ref: "ASL-1" },
  { code: "ASL212", severity: "warning", stage: "fields", name: "wait-seconds-too-long", doc: "A Wait of 2^31 seconds or more is accepted by Step Functions but always fails at run time with States.Runtime.", ref: "ASL-6.4" },

  // ── paths, payload templates, intrinsic functions (JSONPath) ────────────────────────────────────
  { code: "ASL301", severity: "error", stage: "paths", name: "path-syntax", doc: "A JSONPath does not parse.", ref: "ASL-4" },
  { code: "ASL302", severity: "error", stage: "paths", name: "reference-path-required", doc: "The field needs a Reference Path (only `.name`, `['name']` and `[n]` steps: no `..`, `*`, filters, slices or unions).", ref: "ASL-4" },
  { code: "ASL303", severity: "error", stage: "paths", name: "result-path-context", doc: "`ResultPath` cannot write into the context object (`$$`) or a variable.", ref: "ASL-3.1" },
  { code: "ASL304", severity: "error", stage: "paths", name: "template-value-not-string", doc: "In a payload template, the value of a `key.$` field must be a string.", ref: "ASL-3.3" },
  { code: "ASL305", severity: "error", stage: "paths", name: "template-duplicate-key", doc: "A payload template has both `key` and `key.$`.", ref: "ASL-3.3" },
  { code: "ASL306", severity: "error", stage: "paths", name: "template-value-not-path", doc: "The value of a `key.$` field is neither a path (`$…`, `$$…`, `$var…`) nor an intrinsic function call.", ref: "ASL-3.3" },
  { code: "ASL307", severity: "error", stage: "paths", name: "intrinsic-syntax", doc: "An intrinsic function call does not parse.", ref: "ASL-5" },
  { code: "ASL308", severity: "error", stage: "paths", name: "intrinsic-unknown", doc: "An intrinsic function name is not one of the 18 `States.*` functions.", ref: "ASL-5" },
  { code: "ASL309", severity: "error", stage: "paths", name: "intrinsic-arguments", doc: "An intrinsic function call has the wrong number of arguments, a literal argument of the wrong type, or nests too deep.", ref: "ASL-5" },
  { code: "ASL310", severity: "error", stage: "paths", name: "intrinsic-not-string", doc: "`ErrorPath`/`CausePath` intrinsics must return a string.", ref: "ASL-6.6" },

  // ── JSONata ─────────────────────────────────────────────────────────────────────────────────────
  { code: "ASL401", severity: "error", stage: "jsonata", name: "jsonata-syntax", doc: "A `{% %}` JSONata expression does not parse.", ref: "ASL-3.2" },
  { code: "ASL402", severity: "error", stage: "jsonata", name: "jsonata-delimiters", doc: "A string starts with `{%` but does not end with `%}` (or the reverse).", ref: "ASL-3.2" },
  { code: "ASL403", severity: "error", stage: "jsonata", name: "states-member-misplaced", doc: "`$states.result` is read outside Output/Assign of a Task, Parallel or Map, or `$states.errorOutput` outside a Catcher.", ref: "ASL-3.2" },
  { code: "ASL404", severity: "error", stage: "jsonata", name: "states-member-unknown", doc: "`$states` has only `input`, `result`, `errorOutput` and `context`.", ref: "ASL-3.2" },
  { code: "ASL405", severity: "error", stage: "jsonata", name: "context-item", doc: "A JSONata expression reads `$`, `$$` or an unqualified field at the top level; there is no context item (use `$states.input…`).", ref: "ASL-3.2" },
  { code: "ASL406", severity: "error", stage: "jsonata", name: "eval-unsupported", doc: "`$eval` is not available in Step Functions (use `$parse`).", ref: "ASL-3.2" },
  { code: "ASL407", severity: "error", stage: "jsonata", name: "query-language-downgrade", doc: "A machine declared JSONata cannot switch a state back to JSONPath.", ref: "ASL-2" },
  { code: "ASL408", severity: "error", stage: "jsonata", name: "jsonpath-field-in-jsonata", doc: "A JSONPath-only field (InputPath, Parameters, ResultSelector, ResultPath, OutputPath, `*Path`, ItemsPath, Variable…) appears in a JSONata state.", ref: "ASL-2" },
  { code: "ASL409", severity: "error", stage: "jsonata", name: "jsonata-field-in-jsonpath", doc: "A JSONata-only field (Arguments, Output, Items, Condition) or a `{% %}` value appears in a JSONPath state.", ref: "ASL-2" },

  { code: "ASL410", severity: "warning", stage: "jsonata", name: "jsonata-padded", doc: "A string is a `{% %}` expression only after trimming whitespace; Step Functions takes it as a literal string.", ref: "ASL-3.2" },

  // ── variables ───────────────────────────────────────────────────────────────────────────────────
  { code: "ASL501", severity: "error", stage: "variables", name: "variable-name", doc: "A variable name in `Assign` is not a valid identifier, is reserved (`states`) or is longer than 80 characters.", ref: "ASL-8" },
  { code: "ASL502", severity: "error", stage: "variables", name: "variable-outer-scope", doc: "A Parallel branch or Map processor assigns a variable that an enclosing scope also assigns: inner scopes cannot assign outer variables, and names cannot be shadowed.", ref: "ASL-8" },
  { code: "ASL503", severity: "warning", stage: "variables", name: "variable-never-assigned", doc: "A variable is read where no path from StartAt has assigned it; Step Functions accepts the definition, but the read fails at run time.", ref: "ASL-8" },
  { code: "ASL504", severity: "warning", stage: "variables", name: "distributed-map-outer-variable", doc: "A Distributed Map processor reads a variable of an enclosing scope; its child executions cannot see it, so the read fails at run time.", ref: "ASL-8" },

  // ── errors, Retry, Catch ────────────────────────────────────────────────────────────────────────
  { code: "ASL601", severity: "error", stage: "errors", name: "states-all-position", doc: "`States.ALL` must be the only name in its `ErrorEquals` and its retrier/catcher must come last.", ref: "ASL-9" },
  { code: "ASL602", severity: "warning", stage: "errors", name: "reserved-error-name", doc: "An error name starts with `States.` but is not a predefined error: the spec reserves the prefix (Step Functions accepts it), and it is often a typo.", ref: "ASL-9" },
  { code: "ASL603", severity: "warning", stage: "errors", name: "unreachable-handler", doc: "A retrier or catcher can never match because an earlier one already matches every error it names.", ref: "ASL-9" },
  { code: "ASL604", severity: "warning", stage: "errors", name: "uncatchable-error", doc: "`States.Runtime` and `States.DataLimitExceeded` are terminal: retriers and catchers naming them never fire.", ref: "ASL-9" },

  // ── migration: works in Step Functions, needs attention as a durable function ───────────────────
  { code: "ASL901", severity: "warning", stage: "migration", name: "task-token-workers", doc: "`.waitForTaskToken` becomes a durable callback: workers must call SendDurableExecutionCallbackSuccess/Failure/Heartbeat instead of SendTaskSuccess/Failure/Heartbeat." },
  { code: "ASL902", severity: "warning", stage: "migration", name: "activity-workers", doc: "Activities have no durable equivalent; the activity becomes a callback and its workers must change." },
  { code: "ASL903", severity: "warning", stage: "migration", name: "distributed-map-scale", doc: "Distributed Map runs child workflows over large data sets; as durable code it must stay inside the 256 KB checkpoint and operation-count limits." },
  { code: "ASL904", severity: "warning", stage: "migration", name: "unsubstituted-placeholder", doc: "A `${…}` placeholder or CloudFormation intrinsic is left for deployment: in Parameters, Arguments and Credentials (and a Lambda Resource) the handler replaces it when the Task runs (`makeHandler({ substitutions })` or the environment); an intrinsic object, or a placeholder hiding any other Resource, needs `--substitutions`." },
  { code: "ASL905", severity: "info", stage: "migration", name: "nondeterministic-intrinsic", doc: "`States.UUID`, `States.MathRandom`, `$uuid()`, `$random()`, `$now()` and `$millis()` are wrapped in durable steps so replays see the same value." },
  { code: "ASL906", severity: "warning", stage: "migration", name: "heartbeat-without-callback", doc: "`HeartbeatSeconds` on a task that is not a callback: durable steps have no heartbeat, so it is dropped." },
  { code: "ASL907", severity: "warning", stage: "migration", name: "execution-timeout", doc: "A machine `TimeoutSeconds` longer than a durable execution may run (1 year) cannot be kept." },

  // ── transpile: what the code generator cannot translate yet ────────────────────────────────────
  { code: "ASL801", severity: "error", stage: "transpile", name: "not-supported-yet", doc: "A valid Task Resource the transpiler cannot wire: an `aws-sdk` service without an AWS SDK binding, `eks:runJob.sync` (no AWS API to poll), or a Resource that is neither a string nor a Ref/GetAtt/Sub/Join; no code is generated rather than wrong code." },
];

const BY_CODE = new Map(CATALOG.map((e) => [e.code, e]));

export function catalogEntry(code: string): CatalogEntry {
  const entry = BY_CODE.get(code);
  if (!entry) throw new Error(`Unknown diagnostic code ${code}`);
  return entry;
}
