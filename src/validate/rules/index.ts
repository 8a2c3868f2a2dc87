import type { Rule } from "./rule.js";
import { choiceRules } from "./choice.js";
import { stateNames } from "./names.js";
import { taskResources } from "./resources.js";
import { errorHandlers } from "./retry-catch.js";
import { jsonataExpressions } from "./jsonata.js";
import { migrationNotes } from "./migration.js";
import { jsonPaths, payloadTemplates } from "./paths.js";
import { queryLanguageFields } from "./query-language.js";
import { workflowVariables } from "./variables.js";
import { exclusiveFields, heartbeatBelowTimeout, mapProcessor, waitDuration } from "./state-fields.js";
import { nextOrEnd, reachability, transitionTargets } from "./transitions.js";

/** Every semantic rule, in the order they run. Each declares the catalogue codes it may emit. */
export const RULES: readonly Rule[] = [
  stateNames,
  transitionTargets,
  reachability,
  nextOrEnd,
  exclusiveFields,
  waitDuration,
  heartbeatBelowTimeout,
  mapProcessor,
  choiceRules,
  taskResources,
  errorHandlers,
  queryLanguageFields,
  jsonPaths,
  payloadTemplates,
  jsonataExpressions,
  workflowVariables,
  migrationNotes,
];
