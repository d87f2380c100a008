import { TableCell, TableHead, TableRow } from '@material-ui/core';
import { ReactNode } from 'react';

/** A table head of column headers (`th scope=col`), so every table keeps its semantics. */
export function HeaderRow(props: { labels: ReactNode[] }) {
  return (
    <TableHead>
      <TableRow>
        {props.labels.map((label, i) => (
          <TableCell key={i} component="th" scope="col">
            {label}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
