/**
 * JavaScript labels derived from state names: `break toRejectOrder` leaves a block to reach "Reject Order",
 * `continue waitForShipmentLoop` re-enters the loop headed by "Wait For Shipment". Only ASCII letters and digits
 * from the name are kept, so a label can never carry anything but an identifier; uniqueness by a numeric suffix.
 */
export function labelFor(stateName: string, kind: "loop" | "block", used: Set<string>): string {
  const camel = camelCase(stateName);
  const base = kind === "loop" ? `${camel || "state"}Loop` : `to${camel ? camel.charAt(0).toUpperCase() + camel.slice(1) : "State"}`;
  const safe = /^[0-9]/.test(base) ? `s${base}` : base;
  let label = safe;
  for (let n = 2; used.has(label); n++) label = `${safe}${n}`;
  used.add(label);
  return label;
}

/** The ASCII letters and digits of a name, in camelCase ("Wait For Shipment" → "waitForShipment"); "" when none. */
export function camelCase(name: string): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  return words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("");
}
