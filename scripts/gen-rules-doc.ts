/** Regenerate the rule table in README.md from the diagnostic catalogue (`npm run docs:rules`). */
import { readFileSync, writeFileSync } from "node:fs";
import { withRulesTable } from "../src/docs/rules-table.js";

const path = new URL("../README.md", import.meta.url);
const before = readFileSync(path, "utf8");
const after = withRulesTable(before);
if (after !== before) writeFileSync(path, after);
process.stdout.write(after === before ? "README.md rule table is up to date\n" : "README.md rule table regenerated\n");
