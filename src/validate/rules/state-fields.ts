import { childPointer } from "../../load/pointer.js";
import { fieldAt, isObject, subject, type StateModel } from "../model.js";
import type { Rule, RuleContext } from "./rule.js";

/** Pairs (or groups) of fields of which at most one may be present, per state type (ASL-6). */
const EXCLUSIVE: ReadonlyArray<{ types: readonly string[]; at?: readonly string[]; fields: readonly string[] }> = [
  { types: ["Task"], fields: ["TimeoutSeconds", "TimeoutSecondsPath"] },
  { types: ["Task"], fields: ["HeartbeatSeconds", "HeartbeatSecondsPath"] },
  { types: ["Fail"], fields: ["Error", "ErrorPath"] },
  { types: ["Fail"], fields: ["Cause", "CausePath"] },
  { types: ["Map"], fields: ["ItemSelector", "Parameters"] },
  { types: ["Map"], fields: ["Items", "ItemsPath"] },
  { types: ["Map"], fields: ["MaxConcurrency", "MaxConcurrencyPath"] },
  { types: ["Map"], fields: ["ToleratedFailureCount", "ToleratedFailureCountPath"] },
  { types: ["Map"], fields: ["ToleratedFailurePercentage", "ToleratedFailurePercentagePath"] },
  { types: ["Map"], at: ["ItemReader", "ReaderConfig"], fields: ["MaxItems", "MaxItemsPath"] },
  { types: ["Map"], at: ["ItemBatcher"], fields: ["MaxItemsPerBatch", "MaxItemsPerBatchPath"] },
  { types: ["Map"], at: ["ItemBatcher"], fields: ["MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"] },
];

function objectAt(state: StateModel, path: readonly string[]): Record<string, unknown> | undefined {
  const node = fieldAt(state, path);
  return isObject(node) ? node : undefined;
}

/** At most one of each group of mutually exclusive fields (asl-validator's AtMostOne checks, located). */
export const exclusiveFields: Rule = {
  name: "Mutually exclusive fields are not combined",
  codes: ["ASL201"],
  check(ctx) {
    for (const state of ctx.model.states) {
      for (const group of EXCLUSIVE) {
        if (!group.types.includes(state.type)) continue;
        const at = group.at ?? [];
        const obj = objectAt(state, at);
        if (!obj) continue;
        const present = group.fields.filter((f) => f in obj);
        if (present.length < 2) continue;
        const second = present[1] as string;
        const where = at.length ? ` in ${at.join(".")}` : "";
        ctx.report("ASL201", childPointer(state.pointer, ...at, second), `${subject(state)}: "${present[0]}" and "${second}" cannot both be set${where}; keep one`, {
          key: true,
          state: state.name,
        });
      }
    }
  },
};

const WAIT_FIELDS = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"] as const;

/** ASL-6.4: a Wait state has exactly one duration field; very long waits always fail. */
export const waitDuration: Rule = {
  name: "A Wait state has exactly one of Seconds, SecondsPath, Timestamp and TimestampPath",
  codes: ["ASL202", "ASL212"],
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== "Wait") continue;
      const present = WAIT_FIELDS.filter((f) => f in state.fields);
      if (present.length === 0) {
        ctx.report("ASL202", state.pointer, `${subject(state)}: needs one of "Seconds", "SecondsPath", "Timestamp" or "TimestampPath"`, { key: true, state: state.name });
      } else if (present.length > 1) {
        ctx.report("ASL202", childPointer(state.pointer, present[1] as string), `${subject(state)}: "${present[0]}" and "${present[1]}" cannot both be set; keep one`, {
          key: true,
          state: state.name,
        });
      }
      const seconds = state.fields["Seconds"];
      if (typeof seconds === "number" && seconds >= 2 ** 31) {
        ctx.report("ASL212", childPointer(state.pointer, "Seconds"), `${subject(state)}: a wait of ${seconds} seconds is accepted but always fails at run time ("Wait state delay is too long"); the limit is below 2^31 seconds`, {
          state: state.name,
        });
      }
    }
  },
};

/** ASL-6.2: HeartbeatSeconds is below TimeoutSeconds when both are literals. */
export const heartbeatBelowTimeout: Rule = {
  name: "HeartbeatSeconds is smaller than TimeoutSeconds",
  codes: ["ASL203"],
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== "Task") continue;
      const heartbeat = state.fields["HeartbeatSeconds"];
      const timeout = state.fields["TimeoutSeconds"] ?? 99999999;
      if (typeof heartbeat === "number" && typeof timeout === "number" && heartbeat >= timeout) {
        ctx.report("ASL203", childPointer(state.pointer, "HeartbeatSeconds"), `${subject(state)}: "HeartbeatSeconds" (${heartbeat}) must be smaller than "TimeoutSeconds" (${timeout})`, {
          state: state.name,
        });
      }
    }
  },
};

const DISTRIBUTED_ONLY = ["ItemReader", "ItemBatcher", "ResultWriter", "Label"] as const;

/** ASL-6.8: one processor per Map; distributed-only fields need Mode DISTRIBUTED. */
export const mapProcessor: Rule = {
  name: "A Map state has one processor and uses distributed fields only in DISTRIBUTED mode",
  codes: ["ASL204", "ASL205"],
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== "Map") continue;
      const hasProcessor = "ItemProcessor" in state.fields;
      const hasIterator = "Iterator" in state.fields;
      if (hasProcessor === hasIterator) {
        ctx.report(
          "ASL204",
          hasProcessor ? childPointer(state.pointer, "Iterator") : state.pointer,
          hasProcessor ? `${subject(state)}: has both "ItemProcessor" and the legacy "Iterator"; keep "ItemProcessor"` : `${subject(state)}: needs "ItemProcessor" (or the legacy "Iterator")`,
          { key: true, state: state.name },
        );
      }
      checkDistributedOnly(ctx, state);
    }
  },
};

function checkDistributedOnly(ctx: RuleContext, state: StateModel): void {
  const processor = state.fields["ItemProcessor"];
  const config = isObject(processor) ? processor["ProcessorConfig"] : undefined;
  const distributed = isObject(config) && config["Mode"] === "DISTRIBUTED";
  if (distributed) return;
  const mode = "Iterator" in state.fields && !("ItemProcessor" in state.fields) ? "legacy Iterator (INLINE)" : "INLINE mode";
  for (const field of DISTRIBUTED_ONLY) {
    if (field in state.fields) {
      ctx.report("ASL205", childPointer(state.pointer, field), `${subject(state)}: "${field}" needs ItemProcessor.ProcessorConfig.Mode "DISTRIBUTED", but the Map runs in ${mode}`, {
        key: true,
        state: state.name,
      });
    }
  }
  if (isObject(config) && "ExecutionType" in config) {
    ctx.report("ASL205", childPointer(state.pointer, "ItemProcessor", "ProcessorConfig", "ExecutionType"), `${subject(state)}: "ExecutionType" needs Mode "DISTRIBUTED"`, {
      key: true,
      state: state.name,
    });
  }
}
