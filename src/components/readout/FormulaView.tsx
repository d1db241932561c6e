// One formula: KaTeX when it has loaded and the formula is on screen, plain text otherwise. The plain text
// also stays in the DOM (visually hidden) next to KaTeX's output, so screen readers always read the same
// sentence instead of KaTeX's glyph soup.
import type { Formula } from '../../derive/formulaTemplate.ts';
import { useKatex, type Katex } from './katexLoader.ts';

function renderTex(katex: Katex, tex: string): string {
  // `tex` comes only from constant templates and numbers we formatted (derive/formulaTemplate.ts); trust
  // stays off anyway, so \href, \url and \html* could not run even if that changed.
  return katex.renderToString(tex, { trust: false, throwOnError: false, output: 'html', displayMode: true });
}

export function FormulaView({ formula, visible }: { formula: Formula; visible: boolean }) {
  const katex = useKatex(visible);
  if (!visible || !katex) {
    return (
      <span className="formula-text" translate="no">
        {formula.text}
      </span>
    );
  }
  return (
    <span className="formula" translate="no">
      <span aria-hidden="true" dangerouslySetInnerHTML={{ __html: renderTex(katex, formula.tex) }} />
      <span className="visually-hidden">{formula.text}</span>
    </span>
  );
}
