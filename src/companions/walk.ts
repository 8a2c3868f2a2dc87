/** The IR walks the companions use (src/ir/walk.ts). */
export { allStates, taskStates, type PlacedState } from "../ir/walk.js";
