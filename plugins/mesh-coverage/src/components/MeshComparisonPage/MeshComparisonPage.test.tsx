import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { MeshComparisonPage } from './MeshComparisonPage';

describe('MeshComparisonPage', () => {
  it('lists every tool and responsibility of the built-in matrix', async () => {
    await renderInTestApp(<MeshComparisonPage />);
    expect(
      screen.getByRole('heading', { name: 'Mesh comparison' }),
    ).toBeInTheDocument();
    const lists = screen.getAllByRole('list');
    expect(lists[0].querySelectorAll('li')).toHaveLength(8);
    expect(lists[1].querySelectorAll('li')).toHaveLength(35);
    expect(screen.getByText('AWS VPC Lattice')).toBeInTheDocument();
    expect(screen.getByText('Mutual TLS authentication')).toBeInTheDocument();
  });
});
