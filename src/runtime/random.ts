import { parseIntrinsic, type IntrinsicCall } from "../paths/intrinsic.js";

/**
 * Does a payload template call States.UUID or an unseeded States.MathRandom? Such a template must be evaluated inside
 * a durable step, so that a replay sees the values the first run drew (../shared/reference/durable-sdk.md §3).
 */
export function templateUsesRandom(template: unknown): boolean {
  if (Array.isArray(template)) return template.some(templateUsesRandom);
  if (template === null || typeof template !== "object") return false;
  return Object.entries(template as Record<string, unknown>).some(([key, value]) =>
    key.endsWith(".$") && typeof value === "string" ? stringUsesRandom(value) : templateUsesRandom(value),
  );
}

function stringUsesRandom(text: string): boolean {
  if (!text.startsWith("States.")) return false;
  const parsed = parseIntrinsic(text);
  return parsed.ok && callUsesRandom(parsed.value);
}

function callUsesRandom(call: IntrinsicCall): boolean {
  if (call.name === "States.UUID" || (call.name === "States.MathRandom" && call.args.length < 3)) return true;
  return call.args.some((a) => a.kind === "call" && callUsesRandom(a));
}
