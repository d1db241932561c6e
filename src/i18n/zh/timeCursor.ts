// 时间游标的简体中文文案。
import type { TimeCursorStrings } from '../types/timeCursor.ts';

export const ZH_TIME_CURSOR: TimeCursorStrings = {
  label: '显示的训练步',
  play: '播放',
  pause: '暂停',
  stepBack: '后退一步',
  stepForward: '前进一步',
  valueText: (step, steps) => `第 ${step} 步，共 ${steps} 步`,
  stepOfSteps: (step, steps) => `第 ${step} / ${steps} 步`,
  helpSummary: '使用说明',
  help:
    '所有视图都显示玩具策略在这一步的状态。点“播放”会在几秒内走完整个训练过程（若已在末尾，则从头开始）。' +
    '在滑块上：方向键移动一步，Page Up / Page Down 移动十分之一，Home / End 跳到开头和结尾，空格键播放或暂停。',
  reducedMotionHelp: '你的系统设置了“减少动态效果”，因此播放时不做连续动画，而是分几大步跳到结尾。',
  divergedStep: (step, divergedAt) =>
    `训练在第 ${divergedAt} 步发散：这里显示的是发散前最后一步（第 ${step} 步）的数值。`,
  untrainedStart: '这类数据无法训练该损失：显示的是初始偏好对。',
};
