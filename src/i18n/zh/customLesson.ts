// 教师自定义课程的简体中文文案：文件载入器、文件中的问题、生成链接。
import type { CustomLessonStrings } from '../types/customLesson.ts';
import type { CustomLessonProblem } from '../../state/lessons/custom.ts';

const EXPECTED = { text: '文本', list: '列表', number: '数字', object: '对象 { … }' } as const;

function where(p: CustomLessonProblem): string {
  const field = p.field ? `“${p.field}”` : '';
  if (p.step === undefined) return field || '该文件';
  return field ? `第 ${p.step} 步的${field}` : `第 ${p.step} 步`;
}

function problem(p: CustomLessonProblem): string {
  const at = where(p);
  switch (p.kind) {
    case 'too-large':
      return `课程文件过大（${p.given ?? '超过上限'} 字节，上限 ${p.limit ?? ''}）。请精简文字，或拆成两节课。`;
    case 'not-json':
      return '这不是 JSON 文件（请检查是否漏了逗号、引号或括号）。';
    case 'not-object':
      return `${at}应是花括号 { … } 括起的对象。`;
    case 'missing':
      return `${at}缺失或为空。`;
    case 'wrong-type':
      return `${at}应是${EXPECTED[p.expected ?? 'text']}。`;
    case 'too-long':
      return `${at}过长（${p.given ?? ''} 个字符，上限 ${p.limit ?? ''}）。`;
    case 'no-steps':
      return '该课程没有任何步骤：“steps”是空列表。';
    case 'too-many':
      return `${at}的项数过多（${p.given ?? ''} 项，上限 ${p.limit ?? ''}）。`;
    case 'too-few':
      return `${at}的项数过少（${p.given ?? ''} 项，至少 ${p.limit ?? ''}）。`;
    case 'unknown-panel':
      return `${at}：“${p.given ?? ''}”不是可用的面板。可用：loss、gradient、training、sweeps、plane、simplex、metrics、readout。`;
    case 'unknown-control':
      return `${at}：“${p.given ?? ''}”不是可用的控件。可用：time、beta、p、ref、loss、compare、kto、sft。`;
    case 'bad-answer':
      return `${at}必须是某个选项的序号，从 0 开始计数（当前为 ${p.given ?? ''}）。`;
    case 'bad-reveal':
      return `${at}必须是 "end" 或某个训练步数（当前为 ${p.given ?? ''}）。`;
    case 'bad-lang':
      return `${at}必须是语言标记，例如 "en"、"zh" 或 "zh-Hant"（当前为 ${p.given ?? ''}）。`;
    case 'bad-link':
      return '此链接中的课程已损坏（复制时可能被截断了）。';
  }
}

export const ZH_CUSTOM_LESSON: CustomLessonStrings = {
  heading: '自定义课程',
  intro:
    '载入一份用 JSON 文件写成的课程：一个标题和若干步骤，每一步包含说明文字、用链接参数表示的状态，以及要显示的图表。',
  chooseFile: '选择课程文件…',
  dropHere: '或将文件拖到此处',
  example: '示例文件',
  loaded: (title, steps) => `已载入“${title}”，共 ${steps} 步。`,
  problemsHeading: '此文件无法作为课程使用',
  linkProblemsHeading: '无法打开此链接中的课程：',
  keptLast: (title) => `仍保留之前载入的课程“${title}”。`,
  problem,
  stepNotice: (step) => `第 ${step} 步的状态：`,
  unreadable: '无法读取该文件。',
  makeLink: '生成此课程的链接',
  linkLabel: '课程链接',
  copyLink: '复制链接',
  copied: '链接已复制。',
  copyFailed: '无法复制：请选中链接后手动复制。',
  linkLong: (chars) =>
    `此链接长达 ${chars.toLocaleString('zh-CN')} 个字符，部分邮件和课程平台会截断过长的链接。若无法打开，请改为分享课程文件。`,
};
