import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/', 'data/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/{components,i18n,internal,support}/**/*.ts'],
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: globals.browser },
  },
  { files: ['src/**/*.ts'], ...wc.configs['flat/best-practice'] },
  {
    files: ['server/**/*.ts', 'test/server/**/*.ts', 'test/e2e/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  // Chai's property assertions (`expect(x).to.be.true`) are expressions by design.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
  { files: ['demo/**/*.js'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/(?:^|[^-])(?:margin|padding|border|inset)-(?:left|right)|text-align:\\s*(?:left|right)|float:\\s*(?:left|right)/]',
          message: 'Use logical CSS properties (inline-start/inline-end), not physical left/right.',
        },
        {
          selector: 'TemplateElement[value.raw=/(?:^|[^-])(?:margin|padding|border|inset)-(?:left|right)|text-align:\\s*(?:left|right)|float:\\s*(?:left|right)|[;{\\s](?:left|right):/]',
          message: 'Use logical CSS properties (inline-start/inline-end), not physical left/right.',
        },
      ],
    },
  },
);
