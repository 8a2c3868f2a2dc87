/** Path helpers of the build: every path shown to users or written into a generated header is `/`-separated. */
import { basename, isAbsolute, relative, resolve, sep } from "node:path";

/** `orders/charge.asl.json` → `charge` (the rule `transpile` uses to name a machine after its file). */
export function definitionStem(file: string): string {
  return basename(file).replace(/\.(asl\.)?(json|ya?ml)$/i, "") || "StateMachine";
}

/** A path relative to the project root, `/`-separated (`../x` for files outside it), for headers and messages. */
export function displayPath(root: string, file: string): string {
  const rel = relative(root, isAbsolute(file) ? file : resolve(root, file));
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** The absolute path of a path written in the configuration (relative to the project root). */
export function fromRoot(root: string, file: string): string {
  return resolve(root, file);
}
