/** Today on this computer as YYYY-MM-DD (the Swedish locale writes dates in ISO order). */
export const todayIso = () => new Date().toLocaleDateString('sv-SE');
