import { SEVERITY_POINTS, GRADE_BANDS } from '../../scoring/scoring.js';

/**
 * The scoring formula in words, built from the same constants the formula uses, so the report
 * cannot describe a different rule from the one that scored the client. `docs/scoring.md` is the
 * long form.
 */
export function methodology(noDataScoring: 'fail' | 'exclude'): string[] {
  const points = Object.entries(SEVERITY_POINTS).map(([severity, value]) => `${severity} ${value}`).join(', ');
  const bands = GRADE_BANDS.map((band, index) => (index === 0 ? `${band.grade} from ${band.from}` : `${band.grade} from ${band.from} to below ${GRADE_BANDS[index - 1]!.from}`)).join(', ');
  return [
    `Every control is worth points by its severity (${points}), multiplied by the weight the baseline gives it. A control that passes earns all of its points, one that passes partly earns its share (say, 14 of 16 computers protected earns 14/16), and one that fails earns none.`,
    `Controls that do not apply to the client, and controls covered by an accepted risk that has not expired, are left out of the score entirely: they are decisions, not gaps. ${noDataScoring === 'fail' ? 'A control with no evidence counts as failing until evidence arrives, so a missing integration cannot make a score look better than it is.' : 'A control with no evidence is left out of the score until evidence arrives; the report lists it so the gap stays visible.'} A control whose check could not run is treated the same way: not being able to check is not evidence of compliance.`,
    `The score is the points earned divided by the points possible, times 100, rounded to one decimal only at the end. Grades follow fixed bands: ${bands}, and F below ${GRADE_BANDS.at(-1)!.from}.`,
    'A framework score uses the same formula over the controls mapped to that framework\'s requirements. Its coverage is the share of requirements with at least one control that produced a result; a high score with low coverage says little, so the two are always shown together.',
    'Points recoverable is how much the score would rise if that one control passed, with everything else unchanged. It orders the list of fixes.',
  ];
}
