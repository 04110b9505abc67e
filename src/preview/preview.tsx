// Entry of the preview page (https://localhost:3000/preview.html).
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PreviewApp } from './App';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <PreviewApp />
  </FluentProvider>,
);
