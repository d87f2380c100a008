import { Link } from '@backstage/core-components';
import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/core-plugin-api/alpha';
import {
  Language,
  MatrixCell,
  MeshTool,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles, Typography } from '@material-ui/core';
import { useMemo } from 'react';
import { ViewGroup } from '../../lib/comparisonView';
import { localize } from '../../lib/localize';
import { safeHttpUrl } from '../../lib/safeUrl';
import { meshCoverageTranslationRef } from '../../translation';
import { MatrixText } from '../MatrixText';
import {
  renderSupportLabel,
  SupportLabelKit,
  useSupportLabelKit,
} from '../SupportLabel';

/**
 * Plain table elements styled like Material UI's small table, not `Table`/`TableCell`: those are
 * a styled component each, and a 500 × 20 matrix has 10 000 cells (a filter keystroke spent most
 * of its time in their style hooks).
 */
const useStyles = makeStyles(theme => ({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    marginBottom: theme.spacing(3),
    fontSize: theme.typography.body2.fontSize,
    lineHeight: theme.typography.body2.lineHeight,
  },
  caption: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
  },
  cell: {
    padding: theme.spacing(0.75, 3, 0.75, 2),
    borderBottom: `1px solid ${theme.palette.divider}`,
    textAlign: 'left',
    verticalAlign: 'top',
  },
  head: {
    color: theme.palette.text.primary,
    fontWeight: 500,
    verticalAlign: 'bottom',
  },
  responsibility: { whiteSpace: 'pre-line', fontWeight: 500, width: '28%' },
  detail: {
    display: 'block',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
}));

/** What every cell of a table shares, made once per table: cells run no hooks of their own. */
interface CellKit {
  classes: ReturnType<typeof useStyles>;
  t: TranslationFunction<typeof meshCoverageTranslationRef.T>;
  support: SupportLabelKit;
  language: Language;
}

function renderCellDetails(cell: MatrixCell, kit: CellKit) {
  const { classes, t, language } = kit;
  const source = safeHttpUrl(cell.source);
  return (
    <>
      {cell.note && (
        <MatrixText
          className={classes.detail}
          text={cell.note}
          language={language}
        />
      )}
      {cell.since && (
        <span className={classes.detail}>
          {t('table.since', { version: cell.since })}
        </span>
      )}
      {cell.verifiedAt && (
        <span className={classes.detail}>
          {t('table.verifiedAt', { date: cell.verifiedAt })}
        </span>
      )}
      {source && (
        <Link
          className={classes.detail}
          to={source}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('table.source')}
        </Link>
      )}
    </>
  );
}

function renderCellContent(
  tool: MeshTool,
  cell: MatrixCell | undefined,
  kit: CellKit,
) {
  if (!cell) {
    return renderSupportLabel('missing', kit.support);
  }
  const details = renderCellDetails(cell, kit);
  if (tool.kind === 'baseline' && cell.alternative) {
    // Without a mesh the answer is what to build or deploy instead.
    return (
      <>
        <MatrixText
          text={cell.alternative}
          language={kit.language}
          component="div"
        />
        {details}
      </>
    );
  }
  return (
    <>
      {renderSupportLabel(cell.support, kit.support)}
      {details}
    </>
  );
}

/** One sub-table of the matrix, with real table semantics: column and row headers. */
export function ComparisonTable(props: {
  view: ViewGroup;
  title: string;
  language: Language;
}) {
  const { view, title, language } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const support = useSupportLabelKit();
  const kit = useMemo(
    () => ({ classes, t, support, language }),
    [classes, t, support, language],
  );
  return (
    <table className={classes.table}>
      <caption className={classes.caption}>
        {t('table.caption', { title })}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={`${classes.cell} ${classes.head}`}>
            {t('table.responsibility')}
          </th>
          {view.tools.map(tool => (
            <th
              key={tool.id}
              scope="col"
              className={`${classes.cell} ${classes.head}`}
            >
              {tool.name}
              {tool.kind === 'baseline' && (
                <Typography variant="caption" display="block">
                  {tool.description
                    ? localize(tool.description, language)
                    : t('table.withoutMesh')}
                </Typography>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.rows.map(row => (
          <tr
            key={row.responsibility.id}
            data-responsibility={row.responsibility.id}
          >
            <th
              scope="row"
              className={`${classes.cell} ${classes.responsibility}`}
            >
              <MatrixText text={row.responsibility.title} language={language} />
            </th>
            {view.tools.map((tool, i) => (
              <td key={tool.id} data-tool={tool.id} className={classes.cell}>
                {renderCellContent(tool, row.cells[i], kit)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
