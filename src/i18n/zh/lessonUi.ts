// 课程播放器的简体中文文案（types/lessonUi.ts）。
import type { LessonUiStrings } from '../types/lessonUi.ts';

export const ZH_LESSON_UI: LessonUiStrings = {
  menuButton: '课程',
  menuHeading: '课程',
  menuIntro: '每一课都是几个简短的步骤：几句讲解、最关键的图表，以及在揭晓答案之前先让你预测的问题。',
  stepOf: (step, count) => `第 ${step} 步，共 ${count} 步`,
  contents: '步骤',
  navigation: '课程导航',
  back: '← 上一步',
  next: '下一步 →',
  keysHelp: '按 ← 和 → 键在步骤之间切换。',
  tryIt: '自己动手试试',
  tryItQuiet: '在探索器中打开这一步',
  exit: '退出课程',
  everyView: '显示全部图表',
  controlsHeading: '这一步用到的控件',
  readoutPanel: '数值',
  formula: '公式',
  answerFirst: '请先做出预测：图表里就有答案，选好之后它们才会显示。',
  metricsPanel: 'TRL 会记录的指标',
  predict: '先预测一下',
  right: '答对了。',
  wrong: (answer) => `不太对：正确答案是“${answer}”。`,
  revealing: '正在播放训练过程……',
  whatHappened: '发生了什么',
  openLesson: '打开这一课',
};
