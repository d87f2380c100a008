import {
  Language,
  MatrixCategory,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles, Typography } from '@material-ui/core';
import { memo } from 'react';
import { ComparisonView, rowKey, ViewGroup } from '../../lib/comparisonView';
import { localize } from '../../lib/localize';
import { ComparisonTable } from '../ComparisonTable';
import { MatrixText } from '../MatrixText';

const useStyles = makeStyles(theme => ({
  category: { marginTop: theme.spacing(3) },
  // The browser skips style, layout and paint of groups off screen, yet keeps them in the document
  // for find-in-page and assistive technology; the size stands in until a group was laid out once.
  group: { contentVisibility: 'auto', containIntrinsicSize: 'auto 640px' },
}));

function CategoryHeading(props: {
  category: MatrixCategory;
  language: Language;
}) {
  const { category, language } = props;
  return (
    <>
      <Typography variant="h5" component="h2" id={`category-${category.id}`}>
        {category.number ? `${category.number}. ` : ''}
        {localize(category.title, language)}
      </Typography>
      {category.description && (
        <MatrixText
          text={category.description}
          language={language}
          component="p"
        />
      )}
    </>
  );
}

const sameFlags = (a: readonly boolean[], b: readonly boolean[]) =>
  a.length === b.length && a.every((flag, i) => flag === b[i]);

/** One group's heading and table; renders again only when its rows or the language change. */
const GroupSection = memo(
  (props: {
    category: MatrixCategory;
    groupView: ViewGroup;
    shownRows: readonly boolean[];
    language: Language;
  }) => {
    const { category, groupView, shownRows, language } = props;
    const classes = useStyles();
    const title = localize(groupView.group.title ?? category.title, language);
    return (
      <div hidden={!shownRows.includes(true)} className={classes.group}>
        {groupView.group.title && (
          <Typography variant="h6" component="h3">
            {title}
          </Typography>
        )}
        {groupView.group.description && (
          <MatrixText
            text={groupView.group.description}
            language={language}
            component="p"
          />
        )}
        <ComparisonTable
          view={groupView}
          shownRows={shownRows}
          title={title}
          language={language}
        />
      </div>
    );
  },
  (before, after) =>
    before.category === after.category &&
    before.groupView === after.groupView &&
    before.language === after.language &&
    sameFlags(before.shownRows, after.shownRows),
);

/**
 * The matrix's categories and groups, each group one table, as the source document groups them.
 * Every row of `layout` stays in the document; those not in `shown` are hidden. A filter keystroke
 * then only flips `hidden` attributes (a 500 × 20 matrix has 10 000 cells to mount otherwise), and
 * find-in-page and printing see every shown row.
 */
export function ComparisonGroups(props: {
  layout: ComparisonView;
  shown: ReadonlySet<string>;
  language: Language;
}) {
  const { layout, shown, language } = props;
  const classes = useStyles();
  return (
    <>
      {layout.categories.map(({ category, groups }) => {
        const shownRows = groups.map(({ group, rows }) =>
          rows.map(row => shown.has(rowKey(group, row.responsibility))),
        );
        return (
          <section
            key={category.id}
            className={classes.category}
            aria-labelledby={`category-${category.id}`}
            hidden={!shownRows.some(flags => flags.includes(true))}
          >
            <CategoryHeading category={category} language={language} />
            {groups.map((groupView, i) => (
              <GroupSection
                key={groupView.group.id}
                category={category}
                groupView={groupView}
                shownRows={shownRows[i]}
                language={language}
              />
            ))}
          </section>
        );
      })}
    </>
  );
}
