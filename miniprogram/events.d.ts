// Shorthands for the events pages and components handle (types only, global).
type NoFields = Record<string, never>;

/** A tap on an element; `D` is its data-* dataset. */
type TapEvent<D extends WechatMiniprogram.IAnyObject = NoFields> = WechatMiniprogram.TouchEvent<NoFields, NoFields, D>;

/** A component event with `detail` of type `T`; `D` is the emitting element's dataset. */
type DetailEvent<
  T extends WechatMiniprogram.IAnyObject,
  D extends WechatMiniprogram.IAnyObject = NoFields,
> = WechatMiniprogram.CustomEvent<T, NoFields, D>;
