import { render, screen } from '@testing-library/react';
import App from './App';

describe('App (new frontend system)', () => {
  it('renders the guest sign-in page', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Mesh Coverage' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    render(App.createRoot());
    // The app loads its features first; on a busy machine that takes longer than the default 1 s.
    expect(
      await screen.findByText('Guest', undefined, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /enter/i })).toBeInTheDocument();
  });
});
