package io.cuepoint.jobs.sample;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.schemas.codec.RecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The sample's product catalog and widget catalog (fixed: they do not depend on the seed). */
final class Catalog {
  static final String CURRENCY = "EUR";

  /** One product. */
  static final class Product {
    final String id;
    final String title;
    final String category;
    final double price;
    final String description;
    final List<String> labels;
    final List<String> related;

    Product(String id, String title, String category, double price, String description,
        String[] labels, String[] related) {
      this.id = id;
      this.title = title;
      this.category = category;
      this.price = price;
      this.description = description;
      this.labels = Collections.unmodifiableList(Arrays.asList(labels));
      this.related = Collections.unmodifiableList(Arrays.asList(related));
    }
  }

  /** One engagement widget. */
  static final class Widget {
    final String id;
    final String type;
    final String title;
    final int minAge;
    final List<String> countries;
    final int frequencyCapPerHour;
    final long dismissCooldownMs;

    Widget(String id, String type, String title, int minAge, String[] countries,
        int frequencyCapPerHour, long dismissCooldownMs) {
      this.id = id;
      this.type = type;
      this.title = title;
      this.minAge = minAge;
      this.countries = Collections.unmodifiableList(Arrays.asList(countries));
      this.frequencyCapPerHour = frequencyCapPerHour;
      this.dismissCooldownMs = dismissCooldownMs;
    }

    /** The widget's own rules: minimum age (an unknown age never passes one) and countries. */
    boolean allows(Profile p) {
      if (minAge > 0 && (p.age == null || p.age < minAge)) {
        return false;
      }
      return countries.isEmpty() || countries.contains(p.country);
    }
  }

  private static final String CARE =
      " Machine washable at 30 degrees; do not tumble dry or iron over printed areas.";
  private static final String DELIVERY =
      " Ships within two working days across the EU and the UK, with free returns for 30 days"
          + " and a two-year warranty on every order placed during the broadcast.";
  private static final String LIVE =
      " Buy it straight from the stream: tap the overlay while it is on screen and the item is"
          + " reserved in your basket until the final whistle.";

  static final List<Product> PRODUCTS;
  static final List<Widget> WIDGETS;

  static {
    List<Product> p = new ArrayList<>();
    p.add(new Product("prod-jersey-home-2026", "Harbour City 2026 Home Jersey", "kit", 89.99,
        "The navy-and-gold shirt Harbour City wear in the final, in recycled breathable mesh with"
            + " a heat-pressed crest and the Continental Cup Final 2026 match-day patch on the"
            + " sleeve." + CARE + DELIVERY,
        new String[] {}, new String[] {"prod-scarf-harbour", "prod-cap-harbour", "prod-hoodie-harbour"}));
    p.add(new Product("prod-jersey-away-2026", "Atletico Sierra 2026 Away Jersey", "kit", 89.99,
        "Sierra's white away shirt with red chevrons, as worn in the final, cut slim for"
            + " supporters who play." + CARE + DELIVERY,
        new String[] {}, new String[] {"prod-scarf-sierra", "prod-flag-final-2026"}));
    p.add(new Product("prod-boots-velocity-9", "Velocity 9 Firm-Ground Football Boots",
        "footwear", 229.00,
        "Lightweight knit boots with a carbon plate and conical studs for firm natural grass: the"
            + " boots worn by half of tonight's forwards. Available in sizes 38 to 47 with a"
            + " lockdown lacing system and a padded heel that needs no breaking in." + DELIVERY,
        new String[] {"Cleats"}, new String[] {"prod-socks-grip", "prod-shinpads-guard", "prod-ball-final-2026"}));
    p.add(new Product("prod-ball-final-2026", "Official Final 2026 Match Ball", "equipment",
        149.99,
        "The thermally bonded 20-panel match ball of the Continental Cup Final 2026, FIFA Quality"
            + " Pro certified, with the date and venue of the final printed on every panel." + LIVE,
        new String[] {"Soccer Ball"}, new String[] {"prod-ball-replica-mini", "prod-boots-velocity-9"}));
    p.add(new Product("prod-ball-replica-mini", "Final 2026 Mini Replica Ball", "equipment", 19.99,
        "A size-1 replica of the final's match ball for the shelf or the garden.",
        new String[] {}, new String[] {"prod-ball-final-2026"}));
    p.add(new Product("prod-scarf-harbour", "Harbour City Knitted Scarf", "fanwear", 24.99,
        "A double-knit acrylic bar scarf in navy and gold with tassels.",
        new String[] {"Scarf"}, new String[] {"prod-jersey-home-2026", "prod-cap-harbour"}));
    p.add(new Product("prod-scarf-sierra", "Atletico Sierra Bar Scarf", "fanwear", 24.99,
        "Red-and-white bar scarf with the Sierra crest woven at both ends.",
        new String[] {}, new String[] {"prod-jersey-away-2026", "prod-flag-final-2026"}));
    p.add(new Product("prod-cap-harbour", "Harbour City Snapback Cap", "fanwear", 29.99,
        "Structured snapback with an embroidered crest.",
        new String[] {"Cap", "Baseball Cap"}, new String[] {"prod-scarf-harbour", "prod-hoodie-harbour"}));
    p.add(new Product("prod-hoodie-harbour", "Harbour City Fleece Hoodie", "fanwear", 64.99,
        "Brushed-back fleece hoodie with the club crest and 'Final 2026' across the back." + CARE,
        new String[] {"Hoodie", "Sweatshirt"}, new String[] {"prod-jersey-home-2026", "prod-cap-harbour"}));
    p.add(new Product("prod-gloves-keeper-pro", "Keeper Pro Goalkeeper Gloves", "equipment", 79.99,
        "Negative-cut gloves with 4 mm contact latex, the model both finalists' keepers wear.",
        new String[] {"Glove"}, new String[] {"prod-ball-final-2026"}));
    p.add(new Product("prod-shinpads-guard", "Guard Lite Shin Pads", "equipment", 24.99,
        "Slip-in carbon-fibre shin pads weighing 60 g a pair.",
        new String[] {}, new String[] {"prod-socks-grip", "prod-boots-velocity-9"}));
    p.add(new Product("prod-socks-grip", "GripTech Performance Socks", "equipment", 17.99,
        "Crew socks with silicone grip pads that stop your foot sliding inside the boot.",
        new String[] {"Sock"}, new String[] {"prod-boots-velocity-9", "prod-shinpads-guard"}));
    p.add(new Product("prod-flag-final-2026", "Final 2026 Supporters Flag", "fanwear", 14.99,
        "A 150 x 90 cm polyester flag with both finalists' crests.",
        new String[] {"Flag"}, new String[] {"prod-scarf-harbour", "prod-scarf-sierra"}));
    p.add(new Product("prod-drink-volt-energy", "Volt Energy Drink 12-Pack", "drink", 21.99,
        "Twelve 250 ml cans of sugar-free citrus energy drink from the final's official drinks"
            + " partner.",
        new String[] {"Can", "Tin"}, new String[] {"prod-water-bottle-steel", "prod-nachos-share"}));
    p.add(new Product("prod-water-bottle-steel", "Insulated Steel Sports Bottle", "equipment", 34.99,
        "750 ml double-walled stainless bottle that keeps water cold for 24 hours.",
        new String[] {"Water Bottle"}, new String[] {"prod-drink-volt-energy", "prod-backpack-commuter"}));
    p.add(new Product("prod-beer-lager-12", "Golden Pitch Lager 12 x 330 ml", "drink", 19.99,
        "Crisp pilsner-style lager, 4.6% ABV, delivered chilled. Over-18s only; ID checked on"
            + " delivery.",
        new String[] {"Beer", "Beer Bottle"}, new String[] {"prod-pizza-margherita", "prod-nachos-share"}));
    p.add(new Product("prod-pizza-margherita", "Margherita Pizza (delivered)", "food", 13.50,
        "Stone-baked 12-inch margherita delivered hot in about 25 minutes from a partner"
            + " restaurant near you.",
        new String[] {"Pizza"}, new String[] {"prod-beer-lager-12", "prod-nachos-share"}));
    p.add(new Product("prod-burger-meal", "Double Burger Meal (delivered)", "food", 15.90,
        "Double smash burger, fries and a soft drink, delivered in about 25 minutes.",
        new String[] {"Burger"}, new String[] {"prod-nachos-share", "prod-drink-volt-energy"}));
    p.add(new Product("prod-nachos-share", "Loaded Nachos Sharing Box (delivered)", "food", 11.90,
        "Tortilla chips with cheese sauce, jalapenos, salsa and guacamole for two to four people.",
        new String[] {"Nachos"}, new String[] {"prod-beer-lager-12", "prod-pizza-margherita"}));
    p.add(new Product("prod-headphones-pulse", "Pulse ANC Wireless Headphones", "electronics",
        249.00,
        "Over-ear wireless headphones with adaptive noise cancelling, 40 hours of battery and"
            + " a low-latency mode for live streams, so the roar of the crowd stays in sync with"
            + " the picture. Fold flat into the included hard case." + DELIVERY,
        new String[] {"Headphones"}, new String[] {"prod-phone-nova-5", "prod-watch-chrono-s"}));
    p.add(new Product("prod-watch-chrono-s", "Chrono S Sport Watch", "electronics", 329.00,
        "GPS sports watch with heart-rate tracking, a 1.4-inch AMOLED screen and 14 days of"
            + " battery life. Tracks runs, rides and five-a-side matches, and shows live scores"
            + " from your favourite leagues on the wrist." + DELIVERY,
        new String[] {"Wristwatch"}, new String[] {"prod-headphones-pulse", "prod-phone-nova-5"}));
    p.add(new Product("prod-sunglasses-aero", "Aero Polarised Sunglasses", "fashion", 119.00,
        "Wraparound polarised sunglasses with a lightweight nylon frame.",
        new String[] {"Sunglasses"}, new String[] {"prod-cap-harbour", "prod-jacket-denim"}));
    p.add(new Product("prod-phone-nova-5", "Nova 5 Smartphone 256 GB", "electronics", 799.00,
        "A 6.4-inch smartphone with a 120 Hz display, a triple camera that shoots 4K at 60"
            + " frames a second and a battery that lasts a full match day. Comes with the Cuepoint"
            + " streaming app preinstalled and three months of match passes." + DELIVERY,
        new String[] {"Mobile Phone", "Cell Phone"}, new String[] {"prod-headphones-pulse", "prod-watch-chrono-s"}));
    p.add(new Product("prod-sneaker-street-one", "Street One Leather Sneakers", "footwear", 109.00,
        "Low-top sneakers in full-grain leather with a cushioned cupsole, the pair our host wears"
            + " on the studio show. Available in white, black and navy, sizes 36 to 47." + LIVE
            + DELIVERY,
        new String[] {"Sneaker"}, new String[] {"prod-jacket-denim", "prod-backpack-commuter"}));
    p.add(new Product("prod-handbag-tote", "Everyday Leather Tote Bag", "fashion", 179.00,
        "A roomy vegetable-tanned leather tote with a zipped inner pocket and a laptop sleeve.",
        new String[] {"Handbag", "Tote Bag"}, new String[] {"prod-sunglasses-aero", "prod-lipstick-velvet"}));
    p.add(new Product("prod-lipstick-velvet", "Velvet Matte Lipstick", "beauty", 22.00,
        "Long-wear matte lipstick in twelve shades, vegan and fragrance-free.",
        new String[] {"Lipstick"}, new String[] {"prod-handbag-tote"}));
    p.add(new Product("prod-jacket-denim", "Classic Denim Jacket", "fashion", 95.00,
        "A mid-wash trucker jacket in organic cotton denim with a relaxed fit, chest pockets and"
            + " metal shank buttons. Pairs with the Street One sneakers shown in the studio."
            + CARE + DELIVERY,
        new String[] {"Jacket", "Denim"}, new String[] {"prod-sneaker-street-one", "prod-sunglasses-aero"}));
    p.add(new Product("prod-coffee-machine-barista", "Barista Pro Espresso Machine", "home",
        449.00,
        "Bean-to-cup espresso machine with a 15-bar pump, a steam wand for milk and a built-in"
            + " conical grinder with 30 settings. Makes a flat white in under a minute, which is"
            + " less than the break between halves." + DELIVERY,
        new String[] {"Coffee Maker"}, new String[] {"prod-phone-nova-5"}));
    p.add(new Product("prod-backpack-commuter", "Commuter Backpack 25 L", "fashion", 89.00,
        "Water-resistant 25-litre backpack with a padded laptop compartment.",
        new String[] {"Backpack"}, new String[] {"prod-water-bottle-steel", "prod-sneaker-street-one"}));
    p.add(new Product("prod-stadium-tour", "Harbour City Stadium Tour Ticket", "experience", 35.00,
        "A guided tour of Harbour City's ground, dressing rooms and trophy room.",
        new String[] {}, new String[] {"prod-jersey-home-2026", "prod-scarf-harbour"}));
    PRODUCTS = Collections.unmodifiableList(p);

    List<Widget> w = new ArrayList<>();
    w.add(new Widget("w-bet", "BET", "Live odds: next goal and final score", 18,
        new String[] {"GB", "IE", "ES", "IT", "NL", "PT", "BR", "MX", "AR"}, 4, 900_000L));
    w.add(new Widget("w-chat", "CHAT", "Match chat", 13, new String[] {}, 12, 120_000L));
    w.add(new Widget("w-food", "FOOD_ORDER", "Food to your sofa", 0,
        new String[] {"GB", "IE", "US", "DE", "FR", "ES", "NL"}, 3, 1_200_000L));
    w.add(new Widget("w-poll", "POLL", "Player of the match", 0, new String[] {}, 6, 300_000L));
    w.add(new Widget("w-trivia", "TRIVIA", "Final trivia", 0, new String[] {}, 4, 600_000L));
    w.add(new Widget("w-stats", "STATS", "Live match stats", 0, new String[] {}, 10, 180_000L));
    w.add(new Widget("w-shop", "SHOP", "Shop the match", 0, new String[] {}, 4, 600_000L));
    WIDGETS = Collections.unmodifiableList(w);
  }

  private Catalog() {}

  static Product product(String id) {
    for (Product p : PRODUCTS) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no product " + id);
  }

  static Widget widget(String type) {
    for (Widget w : WIDGETS) {
      if (w.type.equals(type)) {
        return w;
      }
    }
    throw new IllegalArgumentException("no widget of type " + type);
  }

  /** Widget ids then product ids: the items viewer events and the interactions file may name. */
  static List<String> itemIds() {
    List<String> ids = new ArrayList<>();
    for (Widget w : WIDGETS) {
      ids.add(w.id);
    }
    for (Product p : PRODUCTS) {
      ids.add(p.id);
    }
    return ids;
  }

  static String productsJson() {
    ObjectMapper mapper = RecordCodec.mapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode array = root.putArray("products");
    for (Product p : PRODUCTS) {
      ObjectNode n = array.addObject();
      n.put("productId", p.id);
      n.put("title", p.title);
      n.put("category", p.category);
      n.put("description", p.description);
      n.put("price", p.price);
      n.put("currency", CURRENCY);
      n.put("imageUrl", "https://images.example.com/products/" + p.id + ".jpg");
      n.put("link", "https://shop.example.com/p/" + p.id);
      ArrayNode labels = n.putArray("labels");
      for (String l : p.labels) {
        labels.add(l);
      }
      ArrayNode related = n.putArray("related");
      for (String r : p.related) {
        related.add(r);
      }
    }
    return pretty(root);
  }

  static String widgetsJson() {
    ObjectMapper mapper = RecordCodec.mapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode array = root.putArray("widgets");
    for (Widget w : WIDGETS) {
      ObjectNode n = array.addObject();
      n.put("id", w.id);
      n.put("type", w.type);
      n.put("title", w.title);
      n.put("minAge", w.minAge);
      ArrayNode countries = n.putArray("countries");
      for (String c : w.countries) {
        countries.add(c);
      }
      n.put("frequencyCapPerHour", w.frequencyCapPerHour);
      n.put("dismissCooldownMs", w.dismissCooldownMs);
    }
    return pretty(root);
  }

  /** Two-space indent and '\n' line ends on every platform. */
  private static String pretty(ObjectNode root) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return RecordCodec.mapper().writer(printer).writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
