import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Language,
  MatrixCell,
  MeshTool,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { ViewGroup } from '../../lib/comparisonView';
import { localize } from '../../lib/localize';
import { safeHttpUrl } from '../../lib/safeUrl';
import { meshCoverageTranslationRef } from '../../translation';
import { MatrixText } from '../MatrixText';
import { SupportLabel } from '../SupportLabel';

const useStyles = makeStyles(theme => ({
  table: { marginBottom: theme.spacing(3) },
  caption: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
  },
  responsibility: { whiteSpace: 'pre-line', fontWeight: 500, width: '28%' },
  detail: {
    display: 'block',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  toolHeader: { verticalAlign: 'bottom' },
}));

function CellDetails(props: { cell: MatrixCell; language: Language }) {
  const { cell, language } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
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

function MatrixCellContent(props: {
  tool: MeshTool;
  cell?: MatrixCell;
  language: Language;
}) {
  const { tool, cell, language } = props;
  if (!cell) {
    return <SupportLabel support="missing" />;
  }
  if (tool.kind === 'baseline' && cell.alternative) {
    // Without a mesh the answer is what to build or deploy instead.
    return (
      <>
        <MatrixText
          text={cell.alternative}
          language={language}
          component="div"
        />
        <CellDetails cell={cell} language={language} />
      </>
    );
  }
  return (
    <>
      <SupportLabel support={cell.support} />
      <CellDetails cell={cell} language={language} />
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
  return (
    <Table size="small" className={classes.table}>
      <caption className={classes.caption}>
        {t('table.caption', { title })}
      </caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {t('table.responsibility')}
          </TableCell>
          {view.tools.map(tool => (
            <TableCell
              key={tool.id}
              component="th"
              scope="col"
              className={classes.toolHeader}
            >
              {tool.name}
              {tool.kind === 'baseline' && (
                <Typography variant="caption" display="block">
                  {tool.description
                    ? localize(tool.description, language)
                    : t('table.withoutMesh')}
                </Typography>
              )}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {view.rows.map(row => (
          <TableRow
            key={row.responsibility.id}
            data-responsibility={row.responsibility.id}
          >
            <TableCell
              component="th"
              scope="row"
              className={classes.responsibility}
            >
              <MatrixText text={row.responsibility.title} language={language} />
            </TableCell>
            {view.tools.map((tool, i) => (
              <TableCell key={tool.id} data-tool={tool.id}>
                <MatrixCellContent
                  tool={tool}
                  cell={row.cells[i]}
                  language={language}
                />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
