/**
 * @module eval/calibration
 * Whether the engine's confidence means something: per confidence band, how many answers were
 * given and the share of them that were right. Refusals ("not found") and clarifying questions
 * assert nothing, so they are counted apart rather than placed in a band.
 */
import { round } from './metrics.js';

/** The lower bounds of the bands, ascending; the first band starts at 0, the last ends at 1. */
export const BAND_FLOORS = [0, 0.35, 0.5, 0.65, 0.8] as const;

export interface CalibrationBand {
  /** `<0.35`, `0.35–0.5`, …, `≥0.8`. */
  band: string;
  answers: number;
  right: number;
  /** right / answers, 4 decimals; 0 for an empty band. */
  share: number;
}

export interface Calibration {
  bands: CalibrationBand[];
  /** Answered "not found". */
  refused: number;
  /** Answered with a clarifying question. */
  clarified: number;
}

/** What one graded question contributes: the answer's type, its confidence and whether it was right. */
export interface Graded {
  type: string;
  confidence: number;
  right: boolean;
}

export function bandLabel(i: number): string {
  const floor = BAND_FLOORS[i]!;
  const ceiling = BAND_FLOORS[i + 1];
  if (i === 0) return `<${ceiling}`;
  return ceiling === undefined ? `≥${floor}` : `${floor}–${ceiling}`;
}

export function bandOf(confidence: number): number {
  let band = 0;
  BAND_FLOORS.forEach((floor, i) => {
    if (confidence >= floor) band = i;
  });
  return band;
}

export function calibrate(graded: readonly Graded[]): Calibration {
  const bands = BAND_FLOORS.map((_, i) => ({ band: bandLabel(i), answers: 0, right: 0, share: 0 }));
  let refused = 0;
  let clarified = 0;
  for (const g of graded) {
    if (g.type === 'none') refused++;
    else if (g.type === 'clarify') clarified++;
    else {
      const band = bands[bandOf(g.confidence)]!;
      band.answers++;
      if (g.right) band.right++;
    }
  }
  for (const b of bands) b.share = b.answers ? round(b.right / b.answers, 4) : 0;
  return { bands, refused, clarified };
}

/** The table for people. */
export function formatCalibration(calibration: Calibration): string {
  const rows = calibration.bands.map(
    (b) => `    ${b.band.padEnd(9)} ${String(b.answers).padStart(7)} ${String(b.right).padStart(6)} ${b.answers ? b.share.toFixed(2).padStart(6) : '     –'}`,
  );
  return [
    '  calibration (answers given, by confidence):',
    `    ${'band'.padEnd(9)} ${'answers'.padStart(7)} ${'right'.padStart(6)} ${'share'.padStart(6)}`,
    ...rows,
    `    not in the table: ${calibration.refused} "not found", ${calibration.clarified} clarifying questions`,
  ].join('\n');
}
