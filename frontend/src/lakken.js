// Drawing boxes on the page view of a Woo document (filled in by the lakken page).
