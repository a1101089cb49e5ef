/** Which coloured zone of a `<meter>` a value falls in: below `low`, between `low` and `high`, or above `high`. */
export type MeterZone = 'below' | 'within' | 'above';

/** A meter's zones, the same numbers given to the element and to the words beside it. */
export interface MeterZones {
  low: number;
  high: number;
  optimum: number;
}

/**
 * The zone the browser paints `value` in, boundaries included as Chromium includes them (a
 * boundary belongs to the optimum side), so the words a meter shows name the colour it has.
 */
export function meterZone(value: number, { low, high, optimum }: MeterZones): MeterZone {
  if (optimum > high) return value >= high ? 'above' : value >= low ? 'within' : 'below';
  if (optimum < low) return value <= low ? 'below' : value <= high ? 'within' : 'above';
  return value < low ? 'below' : value > high ? 'above' : 'within';
}
