/**
 * CloudFormation short-form intrinsic tags (`!Ref`, `!GetAtt`, `!Sub`, …) for the `yaml` package. Each tag loads as
 * CloudFormation's long form, the JSON that CloudFormation itself would see:
 *
 * - `!Ref x` → `{ "Ref": "x" }`; `!Condition c` → `{ "Condition": "c" }`
 * - `!GetAtt a.b.c` → `{ "Fn::GetAtt": ["a", "b.c"] }` (a scalar splits on its first dot); `!GetAtt [a, b]` keeps the list
 * - any other `!Name value` → `{ "Fn::Name": value }`, whether `value` is a scalar, a sequence or a mapping.
 *
 * Scalars resolve to plain JSON objects. Sequences and mappings resolve to a one-member YAMLMap that wraps the
 * original collection node, so the nodes inside keep their source ranges.
 */
import { Pair, Scalar, YAMLMap, type CollectionTag, type ScalarTag, type YAMLSeq } from "yaml";

/** Intrinsic function names that have a short-form tag (`!` + name). */
export const CFN_TAG_NAMES = [
  "Ref",
  "Condition",
  "GetAtt",
  "Sub",
  "Join",
  "Select",
  "Split",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
  "FindInMap",
  "Base64",
  "Cidr",
  "ImportValue",
  "GetAZs",
  "Transform",
] as const;

export type CfnTagName = (typeof CFN_TAG_NAMES)[number];

const TAGS = new Set<string>(CFN_TAG_NAMES.map((name) => `!${name}`));

/** Whether `tag` (as the yaml package reports it on a node, e.g. `!Ref`) is a CloudFormation short-form tag. */
export function isCfnTag(tag: string | undefined): boolean {
  return tag !== undefined && TAGS.has(tag);
}

/** The long-form key of an intrinsic: `Ref` and `Condition` stay as they are, the others get the `Fn::` prefix. */
export function longFormKey(name: CfnTagName): string {
  return name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
}

/** The long form of a short-form tag applied to a scalar. */
export function scalarLongForm(name: CfnTagName, text: string): Record<string, unknown> {
  if (name === "GetAtt") {
    const dot = text.indexOf(".");
    return { "Fn::GetAtt": dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
  }
  return { [longFormKey(name)]: text };
}

function wrapCollection(name: CfnTagName, collection: YAMLMap.Parsed | YAMLSeq.Parsed): YAMLMap {
  collection.tag = undefined; // the tag belongs to the wrapper (the parser sets it on both)
  const wrapper = new YAMLMap();
  wrapper.items.push(new Pair(new Scalar(longFormKey(name)), collection));
  return wrapper;
}

function tagsFor(name: CfnTagName): Array<ScalarTag | CollectionTag> {
  const tag = `!${name}`;
  return [
    { tag, resolve: (text: string) => scalarLongForm(name, text) },
    { tag, collection: "seq", resolve: (node) => wrapCollection(name, node) },
    { tag, collection: "map", resolve: (node) => wrapCollection(name, node) },
  ];
}

/** The custom tags to pass to the yaml parser (`customTags`). */
export const cfnTags: Array<ScalarTag | CollectionTag> = CFN_TAG_NAMES.flatMap(tagsFor);
