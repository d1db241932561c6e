// Every lesson's words in English, by lesson id.
import type { LessonTexts } from '../../types/lessons.ts';
import { EN_rlhfToDpo } from './rlhf-to-dpo.ts';
import { EN_beta } from './beta.ts';
import { EN_reference } from './reference.ts';
import { EN_ipoVsDpo } from './ipo-vs-dpo.ts';
import { EN_kto } from './kto.ts';
import { EN_displacement } from './displacement.ts';
import { EN_trlLogs } from './trl-logs.ts';

export const EN_LESSONS: LessonTexts = {
  'rlhf-to-dpo': EN_rlhfToDpo,
  beta: EN_beta,
  reference: EN_reference,
  'ipo-vs-dpo': EN_ipoVsDpo,
  kto: EN_kto,
  displacement: EN_displacement,
  'trl-logs': EN_trlLogs,
};
