import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { NormalizedSchema } from "@smithy/core/schema";
import { SYNC_JOBS } from "../../src/runtime/sync/jobs.js";
import type { SyncJobSpec } from "../../src/runtime/sync/spec.js";
import { runtimeShapes } from "./conversions.js";
import { FIXTURES } from "./fixtures.js";

/**
 * The table checked against the AWS SDK v3 clients installed as devDependencies: their models are the ground truth
 * for command names, member names and casing, and which members are maps. Recent clients carry their model at run
 * time (a command's `schema`, read with @smithy/core's NormalizedSchema, which every client depends on), and the
 * runtime converts with it; the hand-kept casing fallback of each family (`memberCase`, `maps`), used only for clients
 * without a schema, is checked here against the models so that it stays right for their older releases. The EMR on
 * EKS client installed (3.623) predates schemas, so only its command names are checked.
 */

const require = createRequire(import.meta.url);

type CommandClass = new (input: object) => { schema?: unknown };

function sdkModule(job: SyncJobSpec): Record<string, unknown> {
  return require(job.sdk.package) as Record<string, unknown>;
}

function command(job: SyncJobSpec, name: string): CommandClass {
  const found = sdkModule(job)[name];
  assert.equal(typeof found, "function", `${job.sdk.package} exports no ${name}`);
  return found as CommandClass;
}

/** The input and output schemas of a command, when the client carries its model. */
function io(job: SyncJobSpec, name: string): { input: NormalizedSchema; output: NormalizedSchema } | undefined {
  const schema = new (command(job, name))({}).schema;
  if (!Array.isArray(schema)) return undefined;
  return { input: NormalizedSchema.of(schema[4]), output: NormalizedSchema.of(schema[5]) };
}

/** Where `value` (an SDK-shaped input or output) does not fit `schema`. */
function misfits(value: unknown, schema: NormalizedSchema, path: string, out: string[] = []): string[] {
  if (value === undefined || value === null) return out;
  if (schema.isStructSchema() || schema.isUnionSchema()) {
    if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) return [...out, `${path}: not a structure`];
    const members = new Map([...schema.structIterator()]);
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (key === "$metadata") continue;
      const memberSchema = members.get(key);
      if (memberSchema === undefined) out.push(`${path}.${key}: not a member of ${schema.getName() ?? "?"}`);
      else misfits(member, memberSchema, `${path}.${key}`, out);
    }
  } else if (schema.isListSchema()) {
    if (!Array.isArray(value)) return [...out, `${path}: not a list`];
    value.forEach((item: unknown, i) => misfits(item, schema.getValueSchema(), `${path}[${i}]`, out));
  } else if (schema.isMapSchema()) {
    if (typeof value !== "object" || Array.isArray(value)) return [...out, `${path}: not a map`];
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) misfits(entry, schema.getValueSchema(), `${path}[${key}]`, out);
  } else if (schema.isTimestampSchema()) {
    if (!(value instanceof Date)) out.push(`${path}: not a Date`);
  } else if (schema.isStringSchema()) {
    if (typeof value !== "string") out.push(`${path}: not a string`);
  } else if (schema.isNumericSchema()) {
    if (typeof value !== "number") out.push(`${path}: not a number`);
  } else if (schema.isBooleanSchema()) {
    if (typeof value !== "boolean") out.push(`${path}: not a boolean`);
  }
  return out;
}

/**
 * Member names of the maps reachable from `schema` and of the members that hold structures (directly or in lists),
 * each also recorded separately when it is a member of the root itself.
 */
interface MemberKinds {
  maps: Set<string>;
  rootMaps: Set<string>;
  structures: Set<string>;
  rootStructures: Set<string>;
}

function memberKinds(schema: NormalizedSchema, kinds: MemberKinds, seen = new Set<string>(), root = true): MemberKinds {
  const name = schema.getName(true);
  if (name !== undefined) {
    if (seen.has(name)) return kinds;
    seen.add(name);
  }
  if (schema.isListSchema() || schema.isMapSchema()) return memberKinds(schema.getValueSchema(), kinds, seen, false);
  if (!schema.isStructSchema() && !schema.isUnionSchema()) return kinds;
  for (const [member, memberSchema] of schema.structIterator()) {
    let inner = memberSchema;
    while (inner.isListSchema()) inner = inner.getValueSchema();
    if (memberSchema.isMapSchema()) (root ? kinds.rootMaps : kinds.maps).add(member);
    else if (inner.isStructSchema() || inner.isUnionSchema() || inner.isMapSchema()) (root ? kinds.rootStructures : kinds.structures).add(member);
    memberKinds(memberSchema, kinds, seen, false);
  }
  return kinds;
}

for (const job of SYNC_JOBS) {
  describe(`${job.resource} against ${job.sdk.package}`, () => {
    const fixture = FIXTURES[job.resource];
    assert.ok(fixture);

    test("the client and both commands exist", () => {
      assert.equal(typeof sdkModule(job)[job.sdk.client], "function", `${job.sdk.package} exports no ${job.sdk.client}`);
      command(job, job.sdk.start);
      command(job, job.sdk.describe);
    });

    const start = io(job, job.sdk.start);
    const poll = io(job, job.sdk.describe);
    if (start === undefined || poll === undefined) return;

    test("the start input, the describe input and the responses fit the model (names, casing, types)", () => {
      assert.deepEqual(misfits(job.startInput(fixture.parameters, runtimeShapes(job).startInput), start.input, "startInput"), []);
      // The fallback's memberCase, for the same client without its schema.
      assert.deepEqual(misfits(job.startInput(fixture.parameters, job.fallback), start.input, "startInput (casing fallback)"), []);
      assert.deepEqual(misfits(fixture.response, start.output, "startResponse"), []);
      assert.deepEqual(misfits(fixture.pollInput, poll.input, "pollInput"), []);
      for (const status of [...fixture.running, ...job.terminal.succeeded, ...job.terminal.failed]) {
        assert.deepEqual(misfits(fixture.describe(status), poll.output, `describe(${status})`), []);
      }
    });

    if (job.fallback.memberCase === "pascal") return;

    test("camelCase client, casing fallback: every map member is listed, and no listed name is a structure where it applies", () => {
      const kinds: MemberKinds = { maps: new Set(), rootMaps: new Set(), structures: new Set(), rootStructures: new Set() };
      // The roots are the operations' inputs and outputs, where a `/name` entry applies (CasingFallback in
      // src/runtime/aws/shape.ts).
      memberKinds(start.input, kinds);
      memberKinds(start.output, kinds);
      memberKinds(poll.output, kinds);
      const { maps } = job.fallback;
      const listed = (name: string, root: boolean): boolean => maps.has(name) || (root && maps.has(`/${name}`));
      const unlisted = [...[...kinds.rootMaps].filter((name) => !listed(name, true)), ...[...kinds.maps].filter((name) => !listed(name, false))];
      assert.deepEqual(unlisted, [], "maps whose keys would be recased");
      const clashing = [...maps].filter((entry) =>
        entry.startsWith("/") ? kinds.rootStructures.has(entry.slice(1)) : kinds.structures.has(entry) || kinds.rootStructures.has(entry),
      );
      assert.deepEqual(clashing, [], "listed as maps but structures elsewhere");
    });
  });
}
