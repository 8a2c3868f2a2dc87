import { placeholderNames } from "../runtime/placeholders.js";
import type { DistributedConfig, StateIR, TaskState } from "./types.js";

/**
 * The deploy-time placeholders (`${Name}`) a Task writes in its Parameters, Arguments or Credentials: the handler
 * replaces them when the Task runs, as Step Functions replaced DefinitionSubstitutions when the machine was deployed.
 * (Placeholders in the Resource are resolved by the deploy-time integration instead.)
 */
export function taskPlaceholders(task: TaskState): string[] {
  return placeholderNames([task.parameters, task.arguments, task.credentials]);
}

/**
 * The deploy-time placeholders a state's runtime helper replaces when the state runs: a Task's (above), a Distributed
 * Map's in its ItemReader, ItemBatcher and ResultWriter (the bucket of the dataset, typically).
 */
export function statePlaceholders(state: StateIR): string[] {
  if (state.kind === "task") return taskPlaceholders(state);
  if (state.kind === "map" && state.distributed !== undefined) return distributedPlaceholders(state.distributed);
  return [];
}

/** The deploy-time placeholders of a Distributed Map's ItemReader, ItemBatcher and ResultWriter. */
export function distributedPlaceholders(d: DistributedConfig): string[] {
  return placeholderNames([d.itemReader, d.itemBatcher, d.resultWriter]);
}
