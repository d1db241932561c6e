// Every lesson's words in Chinese, by lesson id.
import type { LessonTexts } from '../../types/lessons.ts';
import { ZH_rlhfToDpo } from './rlhf-to-dpo.ts';
import { ZH_beta } from './beta.ts';
import { ZH_reference } from './reference.ts';
import { ZH_ipoVsDpo } from './ipo-vs-dpo.ts';
import { ZH_kto } from './kto.ts';
import { ZH_displacement } from './displacement.ts';
import { ZH_trlLogs } from './trl-logs.ts';

export const ZH_LESSONS: LessonTexts = {
  'rlhf-to-dpo': ZH_rlhfToDpo,
  beta: ZH_beta,
  reference: ZH_reference,
  'ipo-vs-dpo': ZH_ipoVsDpo,
  kto: ZH_kto,
  displacement: ZH_displacement,
  'trl-logs': ZH_trlLogs,
};
