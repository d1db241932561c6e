// 页面框架的简体中文文案：页眉、页脚、链接提示、主题与语言菜单、分享对话框。
import type { ShellStrings } from '../types/shell.ts';
import type { UrlNotice } from '../../state/urlNotice.ts';

function notice(n: UrlNotice): string {
  const key = n.key ? `“${n.key}”` : '该链接';
  switch (n.kind) {
    case 'unknown-key':
      return `已忽略 ${key}：本工具没有这个设置项。`;
    case 'bad-value':
      return `已忽略 ${key} = “${n.given}”：它不能取这个值，已保留默认值。`;
    case 'clamped':
      return `${key} = ${n.given} 超出范围；已改用 ${n.used ?? '最接近的允许值'}。`;
    case 'rounded':
      return `${key} 必须是整数；已改用 ${n.used ?? ''}。`;
    case 'precision':
      return `${key} = ${n.given} 的位数超出该设置保留的精度；已改用 ${n.used ?? ''}。`;
    case 'adjusted':
      return `已调整 ${key}，使其与其他设置相容（${n.used ?? ''}）。`;
    case 'version':
      return `该链接由更新的或未知的版本生成（v = ${n.given}）；现显示默认设置。`;
    case 'migrated': {
      const [w = '', l = ''] = n.given.split(',');
      return `该链接来自旧版本：其中单独设定的一对回答现在就是玩具策略的 y_w 和 y_l，它们从相同的间隔 h = ${n.used ?? ''} 出发（ρw = ${w}、ρl = ${l}，作为相对参考策略的偏移）；对数概率本身现在取自玩具策略的参考分布。`;
    }
    case 'same-as-main':
      return `已忽略 ${key} = “${n.given}”：这正是当前的设置，没有可对比的内容。`;
    case 'needs-lesson':
      return `已忽略 ${key} = “${n.given}”：步骤属于某一课，而该链接没有指明本工具中已有的课程。`;
    case 'too-long':
      return `链接中有一部分过长，无法读取（${key}）；其余部分已生效。`;
  }
}

export const ZH_SHELL: ShellStrings = {
  appTitle: 'DPO 探索器',
  tagline: '直观展示 DPO、IPO、KTO 以及 TRL 中的每一种偏好优化损失如何改变语言模型的输出概率。',
  copyLink: '复制链接',
  linkCopied: '链接已复制：打开它即可还原当前视图。',
  copyFailed: '复制失败：请选中地址栏手动复制。',
  reset: '重置',
  skipToViews: '跳到图表',
  viewsHeading: '图表',
  noticeHeading: '链接中有部分设置无法按原样使用',
  dismiss: '关闭',
  notice,
  footer: '公式与指标名称遵循 Hugging Face TRL 以及 DPO、IPO、KTO 原论文；两者不一致之处，两种写法都会给出。',
  language: '语言',
  theme: '主题',
  themeNames: {
    auto: '跟随系统',
    light: '浅色',
    dark: '深色',
    projector: '投影',
  },
  share: {
    open: '分享 / 嵌入',
    title: '分享或嵌入当前视图',
    intro:
      '链接可以原样还原你现在看到的内容。嵌入代码只显示一个视图，可放进幻灯片或网页；它运行在沙箱框架中，无需联网。',
    viewLabel: '显示内容',
    wholeApp: '整个探索器',
    showControls: '显示该视图所需的参数控件',
    showExplanation: '在视图上方显示当前场景的说明',
    width: '宽度（px）',
    height: '高度（px）',
    linkLabel: '链接',
    iframeLabel: '嵌入代码',
    copyLink: '复制链接',
    copyCode: '复制代码',
    copied: '已复制。',
    copyFailed: '复制失败：文本已选中，请按 Ctrl+C（⌘C）。',
    preview: '预览',
    close: '关闭',
    frameTitle: (view) => `DPO 探索器：${view}`,
  },
};
