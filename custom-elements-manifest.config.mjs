// The manifest (dist/custom-elements.json) of the public API: the analyzer turns every entry of a Lit
// `static properties` block into an attribute, internal `state: true` ones too; those are dropped here.
export default {
  globs: ['src/components/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      name: 'nw-public-attributes-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            const hidden = new Set(
              (declaration.members ?? []).filter((member) => member.privacy && member.privacy !== 'public').map((member) => member.name),
            );
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((attribute) => !hidden.has(attribute.fieldName ?? attribute.name));
            }
          }
        }
      },
    },
  ],
};
