import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { boot } from './app/boot';
import './app/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(<App booting={boot()} />);
