import type { ValueSlot } from './value-slot.js';

/** A target's value found in a file: where it is, and how the target reads and writes it. */
export interface Located {
  slot: ValueSlot;
  /** What the target holds, from the scalar's value (the whole value, or an image's tag). */
  read(current: string | null): string | null;
  /** The scalar's new value for the value a change asks for. */
  write(current: string | null, value: string): string;
}

/** The whole scalar is the target's value. */
export function wholeValue(slot: ValueSlot): Located {
  return { slot, read: (current) => current, write: (_current, value) => value };
}
