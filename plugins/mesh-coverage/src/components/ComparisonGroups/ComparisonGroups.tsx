import {
  Language,
  MatrixCategory,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles, Typography } from '@material-ui/core';
import { useCallback, useMemo, useState } from 'react';
import { Virtuoso } from 'react-virtuoso';
import { ComparisonView, ViewGroup } from '../../lib/comparisonView';
import { localize } from '../../lib/localize';
import { ComparisonTable } from '../ComparisonTable';
import { MatrixText } from '../MatrixText';

/**
 * Matrices with more responsibilities than this are rendered as a virtual list of group tables
 * (only those near the viewport are in the document): with 500 × 20 cells, mounting and unmounting
 * every row on a filter keystroke took over half a second. Smaller matrices, the built-in one
 * among them, render whole, so find-in-page and printing see everything.
 */
export const VIRTUALIZE_ABOVE_RESPONSIBILITIES = 150;
/** How far beyond the viewport groups are rendered ahead of a scroll, in pixels. */
const OVERSCAN_PX = 200;

const useStyles = makeStyles(theme => ({
  category: { marginTop: theme.spacing(3) },
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

function GroupSection(props: {
  category: MatrixCategory;
  groupView: ViewGroup;
  language: Language;
}) {
  const { category, groupView, language } = props;
  const title = localize(groupView.group.title ?? category.title, language);
  return (
    <div>
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
      <ComparisonTable view={groupView} title={title} language={language} />
    </div>
  );
}

/** The nearest ancestor that scrolls (Backstage pages scroll their own box, not the window). */
function scrollParentOf(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') {
      return node;
    }
  }
  return document.documentElement;
}

interface GroupBlock {
  category: MatrixCategory;
  groupView: ViewGroup;
  /** The first group of its category carries the category heading. */
  first: boolean;
}

function VirtualGroups(props: { view: ComparisonView; language: Language }) {
  const { view, language } = props;
  const classes = useStyles();
  const [scrollParent, setScrollParent] = useState<HTMLElement>();
  const anchor = useCallback((element: HTMLDivElement | null) => {
    if (element) setScrollParent(scrollParentOf(element));
  }, []);
  const blocks = useMemo(
    () =>
      view.categories.flatMap(({ category, groups }) =>
        groups.map(
          (groupView, i): GroupBlock => ({
            category,
            groupView,
            first: i === 0,
          }),
        ),
      ),
    [view],
  );
  return (
    <div ref={anchor}>
      {scrollParent && (
        <Virtuoso
          customScrollParent={scrollParent}
          data={blocks}
          increaseViewportBy={OVERSCAN_PX}
          computeItemKey={(_, block) => block.groupView.group.id}
          itemContent={(_, { category, groupView, first }) => (
            <div className={first ? classes.category : undefined}>
              {first && (
                <CategoryHeading category={category} language={language} />
              )}
              <GroupSection
                category={category}
                groupView={groupView}
                language={language}
              />
            </div>
          )}
        />
      )}
    </div>
  );
}

/** The matrix's categories and groups, each group one table, as the source document groups them. */
export function ComparisonGroups(props: {
  view: ComparisonView;
  language: Language;
}) {
  const { view, language } = props;
  const classes = useStyles();
  if (view.totalCount > VIRTUALIZE_ABOVE_RESPONSIBILITIES) {
    return <VirtualGroups view={view} language={language} />;
  }
  return (
    <>
      {view.categories.map(({ category, groups }) => (
        <section
          key={category.id}
          className={classes.category}
          aria-labelledby={`category-${category.id}`}
        >
          <CategoryHeading category={category} language={language} />
          {groups.map(groupView => (
            <GroupSection
              key={groupView.group.id}
              category={category}
              groupView={groupView}
              language={language}
            />
          ))}
        </section>
      ))}
    </>
  );
}
