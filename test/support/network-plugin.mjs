// Placeholder: replaced by the real network plugin.
export function networkPlugin() { return { name: 'storevoice-network' }; }
