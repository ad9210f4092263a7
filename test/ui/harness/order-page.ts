import type { Locator, Page } from 'playwright-core';

/**
 * Opens an order's page as a person does: Orders in the side menu, the order found by its reference, its row
 * clicked. Returns the order's panel (the article named after the order).
 */
export async function openOrderPage(page: Page, reference: string, title = reference): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(reference);
  const row = page.locator('.history-row[data-order]').filter({ hasText: title });
  await row.first().waitFor({ timeout: 20_000 });
  await row.first().click();
  const article = page.getByRole('article', { name: `Order ${title}` });
  await article.waitFor({ timeout: 20_000 });
  return article;
}
