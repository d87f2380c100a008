import {
  Language,
  LocalizedText,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles } from '@material-ui/core';
import { localize } from '../../lib/localize';

const useStyles = makeStyles({
  root: { whiteSpace: 'pre-line' },
});

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
  const classes = useStyles();
  const Component = props.component ?? 'span';
  return (
    <Component
      className={`${classes.root} ${props.className ?? ''}`}
      lang={props.language}
    >
      {localize(props.text, props.language)}
    </Component>
  );
}
