import { Link } from '@backstage/core-components';
import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/core-plugin-api/alpha';
import {
  claimAgeInDays,
  Language,
  MatrixCell,
  MeshTool,
  ToolFact,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles, Typography } from '@material-ui/core';
import { memo, useMemo } from 'react';
import { formatClaimAge } from '../../lib/claimAge';
import { isChangedCell, ViewGroup, ViewRow } from '../../lib/comparisonView';
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
  changedCell: {
    boxShadow: `inset 3px 0 0 ${theme.palette.info.main}`,
  },
  changed: {
    display: 'inline-block',
    marginBottom: theme.spacing(0.5),
    padding: theme.spacing(0, 0.75),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.info.main}`,
    color: theme.palette.info.main,
    fontSize: theme.typography.caption.fontSize,
    fontWeight: 500,
  },
  ageing: {
    display: 'block',
    color: theme.palette.warning.dark,
    fontSize: theme.typography.caption.fontSize,
    fontWeight: 500,
  },
  profile: {
    display: 'block',
    fontWeight: 400,
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
  /** When the table was rendered: the age of claims counts from here. */
  now: Date;
}

/** What the source document said where a claim changed the cell. */
function renderReplaced(cell: MatrixCell, kit: CellKit) {
  const { classes, t, language } = kit;
  const replaced = cell.replaces;
  return (
    <span className={classes.detail} data-replaced>
      {t('table.replaced')}{' '}
      {replaced ? (
        <>
          {renderSupportLabel(replaced.support, kit.support)}
          {(replaced.note || replaced.alternative) && (
            <MatrixText
              className={classes.detail}
              text={replaced.note ?? replaced.alternative}
              language={language}
            />
          )}
        </>
      ) : (
        t('table.notCompared')
      )}
    </span>
  );
}

/** The day a claim was checked, its age, and "re-check" where the backend marked it too old. */
function renderVerified(
  verifiedAt: string,
  recheck: boolean | undefined,
  kit: CellKit,
) {
  const { classes, t, language, now } = kit;
  const days = claimAgeInDays(verifiedAt, now);
  return (
    <>
      <span className={classes.detail}>
        {days === undefined
          ? t('table.verifiedAt', { date: verifiedAt })
          : t('table.verifiedAgo', {
              date: verifiedAt,
              age: formatClaimAge(days, language),
            })}
      </span>
      {recheck && (
        <span className={classes.ageing} data-recheck>
          {t('table.recheck')}
        </span>
      )}
    </>
  );
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
      {cell.verifiedAt && renderVerified(cell.verifiedAt, cell.recheck, kit)}
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
      {isChangedCell(cell) && renderReplaced(cell, kit)}
    </>
  );
}

/** A sourced fact about a tool, linked to its source when that is an http(s) URL. */
function renderToolFact(
  fact: ToolFact | undefined,
  text: string | undefined,
  kit: CellKit,
) {
  if (!fact || !text) {
    return null;
  }
  const source = safeHttpUrl(fact.source);
  return (
    <span className={kit.classes.profile} lang={kit.language}>
      {source ? (
        <Link to={source} target="_blank" rel="noopener noreferrer">
          {text}
        </Link>
      ) : (
        text
      )}
      {fact.recheck && (
        <span className={kit.classes.ageing} data-recheck>
          {kit.t('table.recheck')}
        </span>
      )}
    </span>
  );
}

/** Licence, governance, checked version and support status under a tool's name. */
function renderToolProfile(tool: MeshTool, kit: CellKit) {
  const { profile } = tool;
  if (!profile) {
    return null;
  }
  const text = (fact?: ToolFact) =>
    fact ? localize(fact.text, kit.language) : undefined;
  return (
    <>
      {renderToolFact(profile.licence, text(profile.licence), kit)}
      {renderToolFact(profile.governance, text(profile.governance), kit)}
      {renderToolFact(
        profile.version,
        profile.version &&
          kit.t('table.checkedVersion', { version: text(profile.version)! }),
        kit,
      )}
      {renderToolFact(profile.status, text(profile.status), kit)}
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
  return (
    <>
      {isChangedCell(cell) && (
        <span className={kit.classes.changed}>{kit.t('table.changed')}</span>
      )}
      {tool.kind === 'baseline' && cell.alternative ? (
        // Without a mesh the answer is what to build or deploy instead.
        <MatrixText
          text={cell.alternative}
          language={kit.language}
          component="div"
        />
      ) : (
        <div>{renderSupportLabel(cell.support, kit.support)}</div>
      )}
      {renderCellDetails(cell, kit)}
    </>
  );
}

/**
 * A row's header and cells. Memoized on the row, its columns and the table's kit, which a filter
 * keystroke leaves alone: hiding or showing a row does not render its cells again.
 */
const RowCells = memo(
  (props: { row: ViewRow; tools: MeshTool[]; kit: CellKit }) => {
    const { row, tools, kit } = props;
    const { classes } = kit;
    return (
      <>
        <th scope="row" className={`${classes.cell} ${classes.responsibility}`}>
          <MatrixText text={row.responsibility.title} language={kit.language} />
        </th>
        {tools.map((tool, i) => (
          <td
            key={tool.id}
            data-tool={tool.id}
            data-changed={isChangedCell(row.cells[i]) || undefined}
            className={
              isChangedCell(row.cells[i])
                ? `${classes.cell} ${classes.changedCell}`
                : classes.cell
            }
          >
            {renderCellContent(tool, row.cells[i], kit)}
          </td>
        ))}
      </>
    );
  },
);

/** The column headers: tool names and profiles, which a filter keystroke leaves alone. */
const TableHead = memo((props: { tools: MeshTool[]; kit: CellKit }) => {
  const { tools, kit } = props;
  const { classes, t, language } = kit;
  return (
    <thead>
      <tr>
        <th scope="col" className={`${classes.cell} ${classes.head}`}>
          {t('table.responsibility')}
        </th>
        {tools.map(tool => (
          <th
            key={tool.id}
            scope="col"
            data-column={tool.id}
            className={`${classes.cell} ${classes.head}`}
          >
            <span data-tool-name>{tool.name}</span>
            {tool.kind === 'baseline' && (
              <Typography variant="caption" display="block">
                {tool.description
                  ? localize(tool.description, language)
                  : t('table.withoutMesh')}
              </Typography>
            )}
            {renderToolProfile(tool, kit)}
          </th>
        ))}
      </tr>
    </thead>
  );
});

/**
 * One sub-table of the matrix, with real table semantics: column and row headers. Rows not shown
 * stay in the document, hidden.
 */
export function ComparisonTable(props: {
  view: ViewGroup;
  /** Whether each row of `view` is shown, in order. */
  shownRows: readonly boolean[];
  title: string;
  language: Language;
}) {
  const { view, shownRows, title, language } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const support = useSupportLabelKit();
  const kit = useMemo(
    () => ({ classes, t, support, language, now: new Date() }),
    [classes, t, support, language],
  );
  return (
    <table className={classes.table}>
      <caption className={classes.caption}>
        {t('table.caption', { title })}
      </caption>
      <TableHead tools={view.tools} kit={kit} />
      <tbody>
        {view.rows.map((row, i) => (
          <tr
            key={row.responsibility.id}
            data-responsibility={row.responsibility.id}
            hidden={!shownRows[i]}
          >
            <RowCells row={row} tools={view.tools} kit={kit} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
