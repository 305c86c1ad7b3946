namespace Contoso.Ordering;

public sealed record Order(string Id, string Sku, int Quantity);

public sealed record StockLevel(string Sku, int Available);
