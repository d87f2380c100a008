import { render, screen } from '@testing-library/react';
import App from './LegacyApp';

describe('the legacy app (legacy exports of the plugins)', () => {
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
    render(<App />);
    // The app loads its plugins first; on a busy machine that takes longer than the default 1 s.
    expect(
      await screen.findByText('Guest', undefined, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /enter/i })).toBeInTheDocument();
  });
});
