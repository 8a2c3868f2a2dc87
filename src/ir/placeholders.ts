import { placeholderNames } from "../runtime/placeholders.js";
import type { TaskState } from "./types.js";

/**
 * The deploy-time placeholders (`${Name}`) a Task writes in its Parameters, Arguments or Credentials: the handler
 * replaces them when the Task runs, as Step Functions replaced DefinitionSubstitutions when the machine was deployed.
 * (Placeholders in the Resource are resolved by the deploy-time integration instead.)
 */
export function taskPlaceholders(task: TaskState): string[] {
  return placeholderNames([task.parameters, task.arguments, task.credentials]);
}
