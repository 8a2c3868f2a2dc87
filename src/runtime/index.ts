/**
 * `asl2durable/runtime`: the ASL semantics generated handlers import. Small and pure; every helper cites the
 * section of ../shared/reference/asl-semantics.md it implements.
 */
export { StatesError, errorMatches } from "./errors.js";
