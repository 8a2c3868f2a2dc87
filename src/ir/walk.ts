import type { MachineIR, ScopeIR, StateIR, TaskState } from "./types.js";

/** A state with the chain of Parallel/Map states that contain it (outermost first). */
export interface PlacedState {
  state: StateIR;
  /** Names of the enclosing Parallel and Map states; empty at the top level. */
  within: string[];
}

/** Every state of the machine in document order, nested ones right after the state that holds them. */
export function allStates(machine: MachineIR): PlacedState[] {
  const out: PlacedState[] = [];
  const visit = (scope: ScopeIR, within: string[]): void => {
    for (const state of scope.states) {
      out.push({ state, within });
      if (state.kind === "parallel") for (const branch of state.branches) visit(branch, [...within, state.origin.name]);
      if (state.kind === "map") visit(state.processor, [...within, state.origin.name]);
    }
  };
  visit(machine.scope, []);
  return out;
}

/** Every Task state, nested ones included, in document order. */
export function taskStates(machine: MachineIR): TaskState[] {
  return allStates(machine).flatMap(({ state }) => (state.kind === "task" ? [state] : []));
}
