import { readFileSync } from "node:fs";
import Handlebars from "handlebars";

/**
 * The handlebars templates in templates/, compiled once. Every value placed in them is already TypeScript (escaped by
 * escape.ts), so they use triple braces and `noEscape`.
 */
const cache = new Map<string, HandlebarsTemplateDelegate>();

export function render(name: "module.ts.hbs" | "scope.ts.hbs", view: object): string {
  let template = cache.get(name);
  if (!template) {
    template = Handlebars.compile(readFileSync(new URL(`../../templates/${name}`, import.meta.url), "utf8"), { noEscape: true, strict: true });
    cache.set(name, template);
  }
  return template(view);
}
