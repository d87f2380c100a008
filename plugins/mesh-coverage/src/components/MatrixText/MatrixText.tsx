import {
  Language,
  LocalizedText,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { localize } from '../../lib/localize';

/** An inline style, not a style sheet: the comparison page renders thousands of these. */
const KEEP_LINE_BREAKS = { whiteSpace: 'pre-line' } as const;

/**
 * Text from the matrix, in one language. Always rendered as text (never HTML): a matrix file is
 * untrusted. Line breaks of the source are kept.
 */
export function MatrixText(props: {
  text: LocalizedText | undefined;
  language: Language;
  component?: 'span' | 'div' | 'p';
  className?: string;
}) {
  const Component = props.component ?? 'span';
  return (
    <Component
      className={props.className}
      style={KEEP_LINE_BREAKS}
      lang={props.language}
    >
      {localize(props.text, props.language)}
    </Component>
  );
}
